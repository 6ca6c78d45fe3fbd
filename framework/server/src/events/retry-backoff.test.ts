import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, retryDelayMs } from './retry-backoff.js';

describe('retryDelayMs', () => {
  it('doubles from the base delay, jittered within the upper half', () => {
    const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy, () => 0))).toEqual([50, 100, 200, 400]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy, () => 1))).toEqual([100, 200, 400, 800]);
  });

  it('never waits longer than the cap', () => {
    expect(retryDelayMs(40, defaultRetryPolicy, () => 1)).toBe(defaultRetryPolicy.maxDelayMs);
  });
});
