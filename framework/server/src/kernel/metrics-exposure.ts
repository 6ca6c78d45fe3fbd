import type { KernelConfig } from '../foundation/kernel-config.js';
import type { MetricsAccess } from '../http/metrics-routes.js';

/** Where a kernel serves `/metrics`, worked out from `metrics.*` and the environment. */
export interface MetricsExposure {
  /** on the app port: to anyone (`{}`), with a bearer token, or not at all (`false`) */
  onAppPort: MetricsAccess | false;
  /** a listener of its own (`metrics.port`) */
  listener?: MetricsAccess & { host: string; port: number };
  /** why nothing serves them, for the boot log */
  warning?: string;
}

/**
 * Decides where `/metrics` is served. The registry names every route and its traffic, so outside
 * development and test it is never on the app port to anyone: `metrics.port` moves it to a
 * listener of its own (for the scraping network only), `metrics.token` asks for
 * `Authorization: Bearer <token>` wherever it is; without either it is not served at all.
 *
 * @example
 * metricsExposure({ ...config, env: 'production', metrics: { port: 9464 } })
 * // { onAppPort: false, listener: { host: '0.0.0.0', port: 9464 } }
 */
export function metricsExposure({ env, http, metrics }: KernelConfig): MetricsExposure {
  const access: MetricsAccess = metrics.token === undefined ? {} : { token: metrics.token };
  if (metrics.port !== undefined) {
    return { onAppPort: false, listener: { ...access, host: metrics.host ?? http.host, port: metrics.port } };
  }
  if (metrics.token !== undefined || env === 'development' || env === 'test') return { onAppPort: access };
  return {
    onAppPort: false,
    warning:
      '/metrics is not served: set metrics.port (a listener of its own) or CODEXION_METRICS__TOKEN (a bearer token on the app port)',
  };
}
