import type { Metrics } from '@codexion/framework/observability';

/** The node's HTTP requests since it started, from the framework's instruments. */
export interface RequestStats {
  total: number;
  errors5xx: number;
  inFlight: number;
  /** estimated from the histogram's buckets; absent before the first request */
  p50Ms?: number;
  p95Ms?: number;
}

interface Bucket {
  le: number;
  count: number;
}

/**
 * The `q` quantile of a cumulative histogram, interpolated linearly inside the bucket it falls in
 * (what Prometheus' `histogram_quantile` does); the last finite bound when it falls in `+Inf`.
 *
 * @example
 * quantile([{ le: 0.1, count: 5 }, { le: 0.5, count: 10 }, { le: Infinity, count: 10 }], 0.5) // 0.1
 */
export function quantile(buckets: readonly Bucket[], q: number): number | undefined {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const total = sorted.at(-1)?.count ?? 0;
  if (total === 0) return undefined;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const { le, count } of sorted) {
    if (count >= rank) {
      if (!Number.isFinite(le)) return lower;
      const inBucket = count - below;
      return inBucket === 0 ? le : lower + (le - lower) * ((rank - below) / inBucket);
    }
    if (Number.isFinite(le)) lower = le;
    below = count;
  }
  return lower;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Reads `http_request_duration_seconds` (all routes, methods and statuses together) and
 * `http_requests_in_flight` from the kernel's registry.
 *
 * @example
 * const { total, errors5xx, p95Ms } = await requestStats(container.resolve(MetricsToken));
 */
export async function requestStats(metrics: Metrics): Promise<RequestStats> {
  const [duration, inFlight] = await Promise.all([
    metrics.httpRequestDuration.get(),
    metrics.httpRequestsInFlight.get(),
  ]);
  let total = 0;
  let errors5xx = 0;
  const byBound = new Map<number, number>();
  for (const sample of duration.values) {
    const name = (sample as { metricName?: string }).metricName ?? '';
    const labels = sample.labels as Record<string, string | number | undefined>;
    if (name.endsWith('_count')) {
      total += sample.value;
      if (String(labels.status ?? '').startsWith('5')) errors5xx += sample.value;
    } else if (name.endsWith('_bucket')) {
      const le = labels.le === '+Inf' ? Number.POSITIVE_INFINITY : Number(labels.le);
      byBound.set(le, (byBound.get(le) ?? 0) + sample.value);
    }
  }
  const buckets = [...byBound].map(([le, count]) => ({ le, count }));
  const p50 = quantile(buckets, 0.5);
  const p95 = quantile(buckets, 0.95);
  return {
    total,
    errors5xx,
    inFlight: Math.max(0, Math.round(inFlight.values[0]?.value ?? 0)),
    ...(p50 === undefined ? {} : { p50Ms: round(p50 * 1000) }),
    ...(p95 === undefined ? {} : { p95Ms: round(p95 * 1000) }),
  };
}
