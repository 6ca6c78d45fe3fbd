// @codexion/framework/observability: metrics and trace context (docs/adr/0024)
export { type CreateMetricsOptions, createMetrics, type Metrics } from './metrics.js';
export {
  formatTraceparent,
  newSpanId,
  newTraceId,
  parseTraceparent,
  type TraceContext,
} from './trace-context.js';
