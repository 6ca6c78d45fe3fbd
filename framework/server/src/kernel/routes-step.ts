import { auditHttpPlugin } from '../audit/audit-routes.js';
import type { Database } from '../data/database.js';
import { eventsHttpPlugin } from '../events/event-routes.js';
import type { Container } from '../foundation/container.js';
import type { KernelConfig } from '../foundation/kernel-config.js';
import { createHttpApp, type Environment } from '../http/create-http-app.js';
import { idempotencyOptions } from '../http/idempotency.js';
import type { HttpPlugin } from '../http/operation-router.js';
import { createIdentity, IdentityToken } from '../identity/create-identity.js';
import { jobsHttpPlugin } from '../jobs/job-routes.js';
import type { RegisteredPlugin } from '../plugins/plugin-registry.js';
import { withRoles } from '../tenancy/access-permissions.js';
import { TenancyToken } from '../tenancy/create-tenancy.js';
import { tenancyHttpPlugin } from '../tenancy/tenancy-routes.js';
import { webhooksHttpPlugin } from '../webhooks/webhook-routes.js';
import { JobQueueToken } from './boot-jobs.js';
import type { BootRun } from './boot-run.js';
import { tenancyFromContainer } from './container-tenancy.js';
import { kernelResourceFactory } from './kernel-resource-factory.js';
import { AppAccessToken, MetricsToken } from './kernel-tokens.js';
import { listRoutes } from './list-routes.js';
import { metricsExposure } from './metrics-exposure.js';
import { pluginHandlers } from './plugin-handlers.js';
import { runLifecycle } from './run-lifecycle.js';
import { sharedRateLimits } from './shared-rate-limits.js';
import { webhookSetup } from './webhook-setup.js';

function httpEnvironment(env: string): Environment {
  return env === 'development' || env === 'test' ? env : 'production';
}

/** The framework's own APIs first (audit, events, tenancy, jobs), then each app's. */
async function httpPlugins(
  run: BootRun,
  config: KernelConfig,
  db: Database,
  plugins: readonly RegisteredPlugin[],
): Promise<HttpPlugin[]> {
  const { container } = run;
  const resources = kernelResourceFactory(run, config);
  const webhooks = webhookSetup(config, plugins, container);
  run.parts.webhooks = webhooks;
  const mounted: HttpPlugin[] = [
    auditHttpPlugin({ database: db }),
    eventsHttpPlugin({ database: db }),
    tenancyHttpPlugin({ tenancy: container.resolve(TenancyToken) }),
    // the queue starts at the jobs step, after the routes
    jobsHttpPlugin({
      queue: () => (container.has(JobQueueToken) ? container.resolve(JobQueueToken) : undefined),
    }),
    webhooksHttpPlugin({ database: db, ...webhooks }),
  ];
  for (const plugin of plugins) {
    mounted.push({
      name: plugin.name,
      openapi: plugin.openapi,
      handlers: await pluginHandlers(plugin, db, resources, run.services),
    });
  }
  return mounted;
}

/** Sessions, tokens and API keys; rate limits in Redis when `redis.url` is set (one count across nodes). */
async function identityOf(run: BootRun, config: KernelConfig, db: Database, container: Container) {
  const logger = run.parts.logger;
  const limitStore = await sharedRateLimits(config, container, logger);
  const identity = createIdentity({
    config,
    database: db,
    logger,
    tenancy: tenancyFromContainer(container),
    ...(limitStore === undefined ? {} : { rateLimitStore: limitStore }),
  });
  container.value(IdentityToken, identity, { dispose: (i) => i.close() });
  return { identity, shared: limitStore === undefined ? {} : { store: limitStore } };
}

/**
 * The routes step: the route table, the plugins' `onBoot` hooks, and the Hono app serving the
 * framework's APIs and each plugin's (resource engine CRUD and actions) behind identity, tenancy,
 * rate limits, idempotency and the error handler. A dry run lists the routes only.
 *
 * @example
 * await runStep(log, traceId, 'routes', () => routesStep(run));
 */
export async function routesStep(run: BootRun): Promise<Record<string, unknown>> {
  const { parts, report, container, traceId } = run;
  const config = run.required(parts.config, 'config');
  const plugins = run.required(parts.registry, 'plugins').plugins;
  const exposure = metricsExposure(config);
  report.routes = listRoutes(plugins, { docs: config.docs.enabled, metrics: exposure.onAppPort !== false });
  if (run.dryRun) return { dry_run: true, routes: report.routes.length };
  const db = run.required(parts.database, 'the database');
  const logger = parts.logger;
  const onBoot = await runLifecycle(plugins, 'onBoot', run.contextOf, { logger });
  const mounted = await httpPlugins(run, config, db, plugins);
  // without credentials only the trusted context (auth.trustedContext: test's default,
  // development's on request) acts, in the header's tenant with '*'
  const { identity, shared } = await identityOf(run, config, db, container);
  const single = plugins.length === 1 ? plugins[0] : undefined;
  parts.app = createHttpApp({
    plugins: mounted,
    logger,
    metrics: container.resolve(MetricsToken),
    metricsAccess: exposure.onAppPort,
    readiness: run.readiness,
    ...identity.http.resolvers,
    // record policies need the user's roles beside the permissions
    permissions: withRoles(identity.http.resolvers.permissions, container.resolve(TenancyToken)),
    auth: identity.http,
    // a host (Cortex) that enables apps per tenant registers it in a provider
    appAccess: container.has(AppAccessToken) ? container.resolve(AppAccessToken) : undefined,
    publicRateLimit: config.http.publicRateLimit.enabled
      ? { ...config.http.publicRateLimit, ...shared }
      : false,
    rateLimit: config.http.rateLimit.enabled ? { ...config.http.rateLimit, ...shared } : false,
    trustProxyHops: config.auth.trustProxyHops,
    idempotency: idempotencyOptions(config, db),
    environment: httpEnvironment(config.env),
    exposeErrors: config.http.exposeErrors,
    piiFields: run.piiFields,
    corsOrigins: config.http.cors.origins,
    bodyLimitBytes: config.http.bodyLimit,
    requestTimeoutMs: config.http.requestTimeoutMs,
    docs: config.docs.enabled,
    title: single ? single.model.manifest.title : 'Codexion API',
    version: single ? single.version : '0.1.0',
    ...(run.options.staticUi ? { staticUi: run.options.staticUi } : {}),
  });
  if (exposure.warning !== undefined) logger.warn({ trace_id: traceId }, exposure.warning);
  return { routes: report.routes.length, onBoot, metrics: metricsLabel(exposure) };
}

function metricsLabel(exposure: ReturnType<typeof metricsExposure>): string {
  if (exposure.listener) return `port ${exposure.listener.port}${exposure.listener.token ? ', token' : ''}`;
  if (exposure.onAppPort === false) return 'off';
  return `app port${exposure.onAppPort.token ? ', token' : ''}`;
}
