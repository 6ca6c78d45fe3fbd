/** How failed deliveries are retried before they become dead letters. */
export interface RetryPolicy {
  /** attempts in all, the first included; the last failure makes the delivery a dead letter */
  maxAttempts: number;
  /** the delay after the first failure, doubled after each further one */
  baseDelayMs: number;
  /** the longest delay */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 300_000 };

/**
 * The wait before the next attempt after `attempts` failed ones: exponential (base · 2^(n−1),
 * capped), with "equal jitter" (half fixed, half random) so that consumers failing together do not
 * retry together, while each wait still grows.
 *
 * @example
 * retryDelayMs(3, defaultRetryPolicy); // between 2000 and 4000
 */
export function retryDelayMs(
  attempts: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
