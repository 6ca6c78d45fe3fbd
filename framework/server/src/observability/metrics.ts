import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The registry every instrument of one kernel lives in, and the instruments the framework records. */
export interface Metrics {
  registry: Registry;
  /** labelled by route template (never the raw URL, which would explode cardinality), method, status */
  httpRequestDuration: Histogram<'route' | 'method' | 'status'>;
  httpRequestsInFlight: Gauge;
  /** for the data layer: `operation` (select, insert, update, delete, transaction, ...), `outcome` (ok, error) */
  dbQueryDuration: Histogram<'operation' | 'outcome'>;
}

export interface CreateMetricsOptions {
  /** process metrics (CPU, memory, event loop lag, GC); off in most tests, they cost a timer each */
  defaultMetrics?: boolean;
  /** labels on every series, e.g. `{ service: 'crm' }` */
  defaultLabels?: Record<string, string>;
}

const httpBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const dbBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * A fresh prom-client registry with the framework's instruments. One per kernel, not the global
 * registry, so two kernels in one process (tests, Cortex with several apps) do not collide.
 *
 * @example
 * const metrics = createMetrics();
 * const stop = metrics.dbQueryDuration.startTimer({ operation: 'select' });
 * await db.select()...; stop({ outcome: 'ok' });
 * const text = await metrics.registry.metrics(); // Prometheus exposition format
 */
export function createMetrics({ defaultMetrics = true, defaultLabels }: CreateMetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (defaultLabels !== undefined) registry.setDefaultLabels(defaultLabels);
  if (defaultMetrics) collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Duration of HTTP requests, by route template, method and status',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: httpBuckets,
      registers: [registry],
    }),
    httpRequestsInFlight: new Gauge({
      name: 'http_requests_in_flight',
      help: 'HTTP requests being handled right now',
      registers: [registry],
    }),
    dbQueryDuration: new Histogram({
      name: 'db_query_duration_seconds',
      help: 'Duration of database queries and transactions, by operation and outcome',
      labelNames: ['operation', 'outcome'] as const,
      buckets: dbBuckets,
      registers: [registry],
    }),
  };
}
