import type { OpenApiDocument } from '@codexion/schema';
import { Hono, type MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { DomainError } from '../errors/domain-error.js';
import type { Metrics } from '../observability/metrics.js';
import { allowedMethods } from './allowed-methods.js';
import type { AppAccess } from './app-access.js';
import type { AppEnv } from './app-env.js';
import { corsPolicy } from './cors-policy.js';
import { docsRoutes } from './docs-routes.js';
import { healthRoutes, type ReadinessProbe } from './health-routes.js';
import type { IdempotencyOptions } from './idempotency.js';
import { mergeOpenApi } from './merge-openapi.js';
import { type MetricsAccess, metricsRoutes } from './metrics-routes.js';
import {
  defaultOperationRateLimit,
  type OperationRateLimit,
  operationRateLimiter,
} from './operation-rate-limit.js';
import {
  createOperationRouter,
  type HttpPlugin,
  type PermissionResolver,
  type PublicRateLimit,
} from './operation-router.js';
import { problemErrorHandler, problemFor, problemResponse } from './problem.js';
import { defaultBodyLimitBytes, requestBodyLimit } from './request-body-limit.js';
import { requestId } from './request-id.js';
import { requestLogger } from './request-logger.js';
import { requestMetrics } from './request-metrics.js';
import { defaultRequestTimeoutMs, requestTimeout } from './request-timeout.js';
import { requestTrace } from './request-trace.js';
import { securityHeaders } from './security-headers.js';
import { type StaticUiOptions, staticUi } from './static-ui.js';
import type { TenantResolver, UserResolver } from './tenant-context.js';

export type Environment = 'development' | 'test' | 'production';

export interface HttpAppOptions {
  /** the booted apps, each mounted at `/api/<name>` */
  plugins: readonly HttpPlugin[];
  logger: Logger;
  metrics: Metrics;
  /**
   * `/metrics` on this app: to anyone (`{}`, the default), behind `Authorization: Bearer <token>`,
   * or not at all (`false`: served on a listener of its own, see `metricsApp`, or nowhere)
   */
  metricsAccess?: MetricsAccess | false;
  /** behind `/readyz`: database reachable, migrations applied, plugins booted */
  readiness: ReadinessProbe;
  /** the tenant of a request to `/api/<app>/...`; see `tenantFromHeader` until authentication exists */
  tenant: TenantResolver;
  user?: UserResolver;
  /** the permissions of a request; none by default (fail closed): the kernel grants `'*'` in development and test */
  permissions?: PermissionResolver;
  /** production never shows an unexpected error's message or stack, whatever `exposeErrors` says */
  environment?: Environment;
  /**
   * show unexpected errors' messages (a failed statement's values cut out) and stacks to clients:
   * an explicit debugging switch (`http.exposeErrors`), off unless asked for, never in production
   */
  exposeErrors?: boolean;
  /**
   * property names tagged `x-codexion.pii` in the apps' schemas: problems never carry their values
   * (a `Set` is read on every error, so names added after the app is made count)
   */
  piiFields?: ReadonlySet<string>;
  /** browser origins allowed to call the API with credentials; none: same origin only */
  corsOrigins?: readonly string[];
  bodyLimitBytes?: number;
  requestTimeoutMs?: number;
  /** serve the API reference at `/api/docs` */
  docs?: boolean;
  /** `info` of the merged document */
  title?: string;
  version?: string;
  /** a built web UI (an app's `dist/web`) served on the same port, beside `/api`; see {@link staticUi} */
  staticUi?: StaticUiOptions;
  /**
   * authentication (`createIdentity(...).http`): its `/api/auth/*` routes and their document
   * (merged into `/api/openapi.json`), and the middleware in front of every app's `/api/<app>/*`
   */
  auth?: { routes: Hono<AppEnv>; authenticate: MiddlewareHandler<AppEnv>; openapi: OpenApiDocument };
  /** which apps each tenant has enabled; every app's protected operations (not `builtIn` ones) ask it */
  appAccess?: AppAccess;
  /** public operations (`security: [{}]`) per client address and operation; 30 a minute unless given, `false` for none */
  publicRateLimit?: PublicRateLimit | false;
  /**
   * every other operation of every plugin, per credential (API key, else user) and tenant, one
   * budget across the apps; a refusal before authentication counts against the client address.
   * 1200 a minute unless given, `false` for none
   */
  rateLimit?: OperationRateLimit | false;
  /** proxies in front whose `X-Forwarded-For` entries are trusted, for the client address of public operations */
  trustProxyHops?: number;
  /** `Idempotency-Key` on every protected POST (and PATCH where the contract declares it); none unless given */
  idempotency?: IdempotencyOptions;
}

/** Names under `/api/` the framework uses itself. */
const reservedAppNames = new Set(['docs', 'openapi.json', 'auth']);

/**
 * The kernel's HTTP app: request id, trace, logger, metrics, security headers (and `no-store`
 * unless a handler says otherwise), CORS, body limit and timeout for every request; health, metrics
 * (unless `metricsAccess` is false) and API docs; each plugin's OpenAPI operations under
 * `/api/<app>`, contract-checked; problem+json for every error, 404 and 405 included.
 *
 * @throws {ContractMismatchError} when a plugin's handlers do not match its document
 *
 * @example
 * const app = createHttpApp({
 *   plugins: [{ name: 'sales', openapi, handlers: resourceHandlers(engine, model) }],
 *   logger, metrics: createMetrics(), readiness: () => kernel.readiness(),
 *   tenant: tenantFromHeader({ defaultTenantId }), permissions: () => new Set(['*']),
 *   environment: 'development',
 * });
 * const server = await serve(app, { port: 3000 });
 */
export function createHttpApp({
  plugins,
  logger,
  metrics,
  metricsAccess = {},
  readiness,
  tenant,
  user,
  permissions,
  environment = 'production',
  exposeErrors = false,
  piiFields,
  corsOrigins = [],
  bodyLimitBytes = defaultBodyLimitBytes,
  requestTimeoutMs = defaultRequestTimeoutMs,
  docs = true,
  title = 'Codexion API',
  version = '0.1.0',
  staticUi: ui,
  auth,
  appAccess,
  publicRateLimit,
  rateLimit = defaultOperationRateLimit,
  trustProxyHops,
  idempotency,
}: HttpAppOptions): Hono<AppEnv> {
  const names = new Set<string>();
  for (const { name } of plugins) {
    if (reservedAppNames.has(name))
      throw new Error(`App name "${name}" is reserved: /api/${name} is the framework's`);
    if (names.has(name)) throw new Error(`Two apps are named "${name}"; each needs its own /api/<name>`);
    names.add(name);
  }

  const exposeInternals = exposeErrors && environment !== 'production';
  const app = new Hono<AppEnv>();
  app.use(
    requestId(),
    requestTrace(),
    requestLogger(logger),
    requestMetrics(metrics),
    securityHeaders(),
    corsPolicy({ origins: corsOrigins }),
    requestBodyLimit(bodyLimitBytes),
    requestTimeout(requestTimeoutMs),
  );

  app.route('/', healthRoutes({ readiness }));
  if (metricsAccess !== false) app.route('/', metricsRoutes({ metrics, ...metricsAccess }));
  const documented = auth ? [...plugins, { name: 'auth', openapi: auth.openapi }] : plugins;
  app.route(
    '/',
    docsRoutes({ apps: documented, merged: mergeOpenApi(documented, { title, version }), docs }),
  );
  if (auth) app.route('/', auth.routes);
  const rateLimiter =
    rateLimit === false
      ? undefined
      : operationRateLimiter(rateLimit, trustProxyHops === undefined ? {} : { trustProxyHops });
  for (const plugin of plugins) {
    const router = createOperationRouter(plugin, {
      tenant,
      ...(user === undefined ? {} : { user }),
      ...(permissions === undefined ? {} : { permissions }),
      // in front of each protected operation: the public ones and openapi.json (a docs route) need no credentials
      ...(auth === undefined ? {} : { authenticate: auth.authenticate }),
      appAccess: plugin.builtIn ? undefined : appAccess,
      publicRateLimit,
      ...(rateLimiter === undefined ? {} : { rateLimiter }),
      ...(idempotency === undefined ? {} : { idempotency }),
      trustProxyHops,
    });
    app.route(`/api/${plugin.name}`, router);
  }
  // after the routes: only what no route answered falls through to the UI's files
  if (ui) app.use('*', staticUi(ui));

  let allowedFor: ((path: string) => string[]) | undefined;
  app.notFound((c) => {
    // every route is registered by now; compile the table once
    allowedFor ??= allowedMethods(app.routes);
    const allowed = allowedFor(c.req.path);
    if (allowed.length === 0) {
      return problemResponse(
        problemFor(c, new DomainError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`)),
      );
    }
    const allow = [...allowed, 'OPTIONS'].join(', ');
    if (c.req.method === 'OPTIONS') return c.body(null, 204, { Allow: allow });
    const error = new DomainError(
      'METHOD_NOT_ALLOWED',
      `${c.req.path} does not answer ${c.req.method}; it answers ${allow}`,
    );
    return problemResponse(problemFor(c, error), { Allow: allow });
  });
  app.onError(problemErrorHandler({ exposeInternals, ...(piiFields === undefined ? {} : { piiFields }) }));
  return app;
}
