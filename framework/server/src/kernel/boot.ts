import { existsSync } from 'node:fs';
import type { Hono } from 'hono';
import type { DestinationStream, LevelWithSilent, Logger } from 'pino';
import { auditHttpPlugin } from '../audit/audit-routes.js';
import { auditSealingCheck } from '../audit/audit-sealing-check.js';
import { type AuditSealEvent, watchAuditSealing } from '../audit/seal-audit-log.js';
import { createDatabase } from '../data/create-database.js';
import type { Database } from '../data/database.js';
import type { PluginMigrations } from '../data/run-migrations.js';
import type { EventDispatcher } from '../events/event-dispatcher.js';
import { eventsHttpPlugin } from '../events/event-routes.js';
import type { AppEnv } from '../http/app-env.js';
import { createHttpApp, type Environment } from '../http/create-http-app.js';
import { auditOpenApi, eventsOpenApi, jobsOpenApi, webhooksOpenApi } from '../http/framework-apis.js';
import type { ReadinessCheck } from '../http/health-routes.js';
import { idempotencyOptions } from '../http/idempotency.js';
import { isLoopbackHost } from '../http/loopback-host.js';
import { metricsApp } from '../http/metrics-routes.js';
import type { HttpPlugin } from '../http/operation-router.js';
import { type HttpServer, serve } from '../http/serve.js';
import type { StaticUiOptions } from '../http/static-ui.js';
import { tenancyFromContainer } from '../identity/container-tenancy.js';
import { createIdentity, IdentityToken } from '../identity/create-identity.js';
import { bootJobs, JobQueueToken } from '../jobs/boot-jobs.js';
import { frameworkJobs } from '../jobs/framework-jobs.js';
import { jobsHttpPlugin } from '../jobs/job-routes.js';
import { createMetrics } from '../observability/metrics.js';
import { newTraceId } from '../observability/trace-context.js';
import type { LifecycleContext, PluginDefinition } from '../plugins/define-plugin.js';
import { loadPlugins, type PluginRegistry, type RegisteredPlugin } from '../plugins/plugin-registry.js';
import { resourceHandlerFactory } from '../resources/resource-routes.js';
import { withRoles } from '../tenancy/access-permissions.js';
import { bootTenancy } from '../tenancy/boot-tenancy.js';
import { TenancyToken } from '../tenancy/create-tenancy.js';
import { tenancyHttpPlugin } from '../tenancy/tenancy-routes.js';
import { webhooksHttpPlugin } from '../webhooks/webhook-routes.js';
import { type WebhookSetup, webhookSetup } from '../webhooks/webhook-setup.js';
import { checkSubscribers, EventDispatcherToken, startEvents } from './boot-events.js';
import { runStep } from './boot-step.js';
import { Container } from './container.js';
import { createLogger } from './create-logger.js';
import { frameworkMigrations } from './framework-migrations.js';
import type { ConfigInput, KernelConfig } from './kernel-config.js';
import { KernelError } from './kernel-error.js';
import {
  AppAccessToken,
  DatabaseToken,
  KernelConfigToken,
  LoggerToken,
  MetricsToken,
  PluginRegistryToken,
  TenantConfigToken,
} from './kernel-tokens.js';
import { listRoutes, type RouteEntry } from './list-routes.js';
import { loadConfig } from './load-config.js';
import { metricsExposure } from './metrics-exposure.js';
import { applyMigrations, migrationSources, planMigrations, requireMigrated } from './migrate-plugins.js';
import { piiFieldsOf } from './pii-fields.js';
import { pluginHandlers, type ResourceHandlerFactory } from './plugin-handlers.js';
import { redactConfig, redactUrlPassword } from './redact-config.js';
import { runLifecycle } from './run-lifecycle.js';
import { type SeededTenant, seedPlugins } from './seed-plugins.js';
import { runProviders, type ServiceProvider } from './service-provider.js';
import { sharedRateLimits } from './shared-rate-limits.js';
import { type PluginUpgrade, planUpgrades, upgradePlugins } from './upgrade-plugins.js';

export interface KernelOptions {
  /** the folder holding `config/` (an app, or the workspace); `database.dataDir` is relative to it */
  root: string;
  plugins: readonly PluginDefinition[];
  /** environment variables; `process.env` unless given */
  env?: Readonly<Record<string, string | undefined>>;
  /** config applied over files and environment (tests, embedding) */
  overrides?: ConfigInput;
  /** kernel-level service providers (an embedding host's), run before the plugins' */
  providers?: readonly ServiceProvider[];
  /** use this logger instead of making one from the config */
  logger?: Logger;
  /**
   * a database to use instead of opening the one the config names (tests: `createTestDatabase`;
   * embedding). The kernel owns it from then on and closes it on shutdown.
   */
  database?: Database;
  /** where the kernel's own logger writes (tests); stdout unless given */
  logDestination?: DestinationStream | NodeJS.WritableStream;
  /** the CRUD handlers of each plugin's entities; the resource engine's (with `api` limits, `secrets.cursor`) unless given */
  resourceHandlers?: ResourceHandlerFactory;
  /** checked against each plugin's framework range; this package's version unless given */
  frameworkVersion?: string;
  /** one trace id for the whole boot; a new one unless given */
  traceId?: string;
  /** a built web UI served beside the API on the same port (`prefiq serve` passes the app's `dist/web`) */
  staticUi?: StaticUiOptions;
}

export interface BootOptions {
  /** check and plan only: nothing is created, migrated, seeded or served */
  dryRun?: boolean;
  /** migrate (and upgrade, and seed when on), then stop before routes */
  migrateOnly?: boolean;
  /** seed demo data; `seed.enabled` of the config unless given */
  seed?: boolean;
}

export type BootMode = 'serve' | 'dry-run' | 'migrate-only';

/** What a boot did, or with `dryRun` would do. */
export interface BootReport {
  traceId: string;
  mode: BootMode;
  durationMs: number;
  /** in boot order */
  plugins: { name: string; version: string; dependencies: Record<string, string> }[];
  /** dry run: pending migrations per plugin; otherwise: the ones this boot applied */
  migrations: PluginMigrations[];
  /** the same for the framework's own sources (`prefiq-identity`, …), applied before the plugins' */
  frameworkMigrations: PluginMigrations[];
  /** dry run: upgrades that would run; otherwise: the ones that ran */
  upgrades: PluginUpgrade[];
  seeded: SeededTenant[];
  /** empty with `migrateOnly` */
  routes: RouteEntry[];
  /** `pglite <dataDir>` or the PostgreSQL URL without its password */
  database: string;
}

export type KernelState = 'created' | 'booting' | 'booted' | 'ready' | 'stopping' | 'stopped' | 'failed';

export interface ListenOptions {
  /** the config's `http.port` unless given; 0 picks a free port */
  port?: number;
  host?: string;
}

export interface Kernel {
  readonly traceId: string;
  readonly state: KernelState;
  readonly container: Container;
  /** after the config step */
  readonly config: KernelConfig;
  /** after a serving boot: the Hono app (`app.request(...)` in tests) */
  readonly app: Hono<AppEnv>;
  /** after a boot: the accepted plugins in order */
  readonly plugins: readonly RegisteredPlugin[];
  /**
   * Boots: config → container → providers → plugins → migrations → routes → jobs → health → ready, each
   * step one log line with the boot's trace id and its duration.
   */
  boot(options?: BootOptions): Promise<BootReport>;
  /** after `listen()` with `metrics.port` set: the listener serving `/metrics` */
  readonly metricsServer: HttpServer | undefined;
  /**
   * Serves the booted app over HTTP, and `/metrics` on its own port when `metrics.port` is set.
   * With anonymous access on (`auth.trustedContext`) it listens on a loopback address only, and
   * says so in the log as a warning.
   *
   * @throws {KernelError} LISTEN_REFUSED: anonymous access and a host other than loopback
   */
  listen(options?: ListenOptions): Promise<HttpServer>;
  /**
   * Stops: no new connections, in-flight requests drained (at most `http.drainMs`), `onShutdown`
   * hooks in reverse plugin order, container disposed (the database closed). Idempotent.
   */
  shutdown(reason?: string): Promise<void>;
  /** the checks behind `/readyz` */
  readiness(): Promise<Record<string, ReadinessCheck>>;
}

function databaseLabel(config: KernelConfig, given: Database | undefined): string {
  if (given) return `given (${given.kind})`;
  return config.database.url ? redactUrlPassword(config.database.url) : `pglite ${config.database.dataDir}`;
}

const levels = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/**
 * The logger until the config is loaded (it logs a failing config step): JSON, at the level the
 * environment asks for if it names a valid one.
 */
function bootstrapLogger({ env = process.env, logDestination }: KernelOptions): Logger {
  const wanted = env.CODEXION_LOGGING__LEVEL;
  return createLogger({
    ...(wanted !== undefined && levels.has(wanted) ? { level: wanted as LevelWithSilent } : {}),
    ...(logDestination ? { destination: logDestination } : {}),
  });
}

function httpEnvironment(env: string): Environment {
  return env === 'development' || env === 'test' ? env : 'production';
}

/**
 * Creates the kernel for a set of plugins. Nothing runs until `boot()`; no signal handler is
 * installed (see `runUntilSignal`).
 *
 * @example
 * const kernel = createKernel({ root: appDir, plugins: [salesPlugin] });
 * await kernel.boot();
 * await kernel.listen();
 * await runUntilSignal(kernel);
 */
export function createKernel(options: KernelOptions): Kernel {
  const traceId = options.traceId ?? newTraceId();
  const container = new Container();
  const piiFields = new Set<string>();
  let state: KernelState = 'created';
  let config: KernelConfig | undefined;
  let logger: Logger = options.logger ?? bootstrapLogger(options);
  let database: Database | undefined;
  let registry: PluginRegistry | undefined;
  let app: Hono<AppEnv> | undefined;
  let server: HttpServer | undefined;
  let metricsServer: HttpServer | undefined;
  let booting: Promise<BootReport> | undefined;
  let stopping: Promise<void> | undefined;
  let unwatchSealing: (() => void) | undefined;
  let events: EventDispatcher | undefined;
  let webhooks: WebhookSetup | undefined;

  const log = () => logger;
  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new KernelError('KERNEL_STATE', `${what} is not available: the kernel is ${state}`);
    return value;
  };

  const contextOf = (plugin: RegisteredPlugin): LifecycleContext => ({
    plugin: plugin.name,
    container,
    config: required(config, 'config'),
    logger: logger.child({ module: plugin.name }),
    database: required(database, 'the database'),
  });

  const readiness = async (): Promise<Record<string, ReadinessCheck>> => {
    const checks: Record<string, ReadinessCheck> = {
      kernel: state === 'ready' ? { ok: true } : { ok: false, detail: `kernel is ${state}` },
    };
    try {
      await required(database, 'the database').ping();
      checks.database = { ok: true };
    } catch (error) {
      checks.database = { ok: false, detail: (error as Error).message };
    }
    // a chain that cannot seal degrades the node; it does not take it out of rotation
    if (checks.database.ok && database !== undefined) checks.audit = await auditSealingCheck(database.db);
    return checks;
  };

  /** Once per event, where it happened: a stuck chain is not logged again on each pass or probe. */
  const logSealing = (event: AuditSealEvent) => {
    const audit = logger.child({ module: 'audit' });
    if (event.type === 'stuck') {
      audit.warn(
        { tenant: event.tenantId, pending_id: event.pendingId, error: event.error },
        'audit chain stuck',
      );
    } else {
      audit.info(
        { tenant: event.tenantId, pending_id: event.pendingId, attempts: event.attempts },
        'audit chain sealing again',
      );
    }
  };

  async function openDatabase(current: KernelConfig, dryRun: boolean): Promise<Database | undefined> {
    if (options.database) return options.database;
    const { url, dataDir, pool, statementTimeoutMs, idleInTransactionTimeoutMs } = current.database;
    // a dry run must not create the embedded database's folder; nothing is pending-checked then
    if (dryRun && !url && (dataDir === 'memory://' || !existsSync(dataDir))) return undefined;
    return createDatabase({
      url: url ?? dataDir,
      max: pool.max,
      statementTimeoutMs,
      idleInTransactionTimeoutMs,
      applicationName: 'prefiq',
    });
  }

  async function run({ dryRun = false, migrateOnly = false, seed }: BootOptions): Promise<BootReport> {
    const started = performance.now();
    const mode: BootMode = dryRun ? 'dry-run' : migrateOnly ? 'migrate-only' : 'serve';
    const report: BootReport = {
      traceId,
      mode,
      durationMs: 0,
      plugins: [],
      migrations: [],
      frameworkMigrations: [],
      upgrades: [],
      seeded: [],
      routes: [],
      database: '',
    };

    await runStep(log, traceId, 'config', async () => {
      const loaded = await loadConfig({
        root: options.root,
        ...(options.env ? { env: options.env } : {}),
        ...(options.overrides ? { overrides: options.overrides } : {}),
      });
      config = loaded.config;
      if (!options.logger) {
        logger = createLogger({
          level: config.logging.level,
          pretty: config.logging.pretty,
          base: { service: 'prefiq', env: config.env },
          // filled by the plugins step, before any record can be logged
          piiFields,
          ...(options.logDestination ? { destination: options.logDestination } : {}),
        });
      }
      container
        .value(KernelConfigToken, config)
        .value(TenantConfigToken, loaded.configForTenant)
        .value(LoggerToken, logger);
      return { mode, env: config.env, sources: loaded.sources, config: redactConfig(config) };
    });
    const current = required(config, 'config');
    report.database = databaseLabel(current, options.database);

    await runStep(log, traceId, 'container', async () => {
      container.value(MetricsToken, createMetrics({ defaultMetrics: current.env !== 'test' }));
      database = await openDatabase(current, dryRun);
      if (database) {
        container.value(DatabaseToken, database, { dispose: (db) => db.close() });
        unwatchSealing = watchAuditSealing(database, logSealing);
      }
      return { database: report.database, opened: database !== undefined };
    });

    await runStep(log, traceId, 'providers', async () => {
      const providers = options.providers ?? [];
      // a provider's boot may connect to things; a dry run changes nothing
      if (!dryRun) await runProviders(container, providers);
      return { providers: providers.map((p) => p.name), skipped: dryRun };
    });

    const plugins = await runStep(log, traceId, 'plugins', async () => {
      registry = await loadPlugins(options.plugins, {
        ...(options.frameworkVersion ? { frameworkVersion: options.frameworkVersion } : {}),
      });
      checkSubscribers(registry.plugins);
      for (const field of piiFieldsOf(registry.plugins.map((p) => p.model))) piiFields.add(field);
      container.value(PluginRegistryToken, registry);
      const preboot: string[] = [];
      if (!dryRun) {
        await runProviders(
          container,
          registry.plugins.flatMap((p) => p.definition.providers ?? []),
        );
        preboot.push(...(await runLifecycle(registry.plugins, 'onPreboot', contextOf, { logger })));
      }
      return {
        plugins: registry.plugins.map((p) => ({ name: p.name, version: p.version })),
        onPreboot: preboot,
      };
    }).then(() => required(registry, 'plugins').plugins);
    report.plugins = plugins.map((p) => ({
      name: p.name,
      version: p.version,
      dependencies: { ...(p.model.manifest.dependencies ?? {}) },
    }));

    await runStep(log, traceId, 'migrations', async () => {
      const sources = [...frameworkMigrations, ...migrationSources(plugins)];
      const ofFramework = (all: PluginMigrations[]) => {
        report.frameworkMigrations = all.slice(0, frameworkMigrations.length);
        report.migrations = all.slice(frameworkMigrations.length);
      };
      if (dryRun) {
        ofFramework(await planMigrations(database, sources));
        report.upgrades = await planUpgrades(database, plugins);
        return {
          dry_run: true,
          pending: report.migrations,
          framework: report.frameworkMigrations,
          upgrades: report.upgrades,
        };
      }
      const db = required(database, 'the database');
      const migrate = current.migrations.runOnBoot || migrateOnly;
      if (migrate) ofFramework(await applyMigrations(db, sources));
      else await requireMigrated(db, sources);
      const tenants = [
        ...new Set([
          ...(current.tenancy.defaultTenant ? [current.tenancy.defaultTenant] : []),
          ...Object.keys(current.tenants),
        ]),
      ];
      // row-level security on the plugins' tables, then every transaction in a tenant as the tenant role
      const tenancy = await bootTenancy({
        database: db,
        plugins,
        schemas: migrationSources(plugins).flatMap((s) => (s.schema === undefined ? [] : [s.schema])),
        migrate,
        tenants,
        frameworkDocuments: [auditOpenApi, eventsOpenApi, jobsOpenApi, webhooksOpenApi],
      });
      container.value(TenancyToken, tenancy.tenancy);
      report.upgrades = await upgradePlugins(db, plugins, contextOf);
      if (seed ?? current.seed.enabled) {
        report.seeded = await seedPlugins(db, plugins, tenants, { logger, traceId });
      }
      return {
        applied: report.migrations,
        framework: report.frameworkMigrations,
        row_security: tenancy.rowSecurity?.changed ?? [],
        tenants_created: tenancy.createdTenants,
        upgrades: report.upgrades,
        seeded: report.seeded,
      };
    });

    if (migrateOnly) {
      state = 'booted';
      report.durationMs = Math.round(performance.now() - started);
      return report;
    }

    const exposure = metricsExposure(current);
    await runStep(log, traceId, 'routes', async () => {
      report.routes = listRoutes(plugins, {
        docs: current.docs.enabled,
        metrics: exposure.onAppPort !== false,
      });
      if (dryRun) return { dry_run: true, routes: report.routes.length };
      const db = required(database, 'the database');
      const onBoot = await runLifecycle(plugins, 'onBoot', contextOf, { logger });
      const resources =
        options.resourceHandlers ??
        resourceHandlerFactory({
          // the schema requires it outside development and test, where a default exists
          cursorSecret: required(current.secrets.cursor, 'secrets.cursor'),
          limits: current.api,
        });
      webhooks = webhookSetup(current, plugins, container);
      // the framework's own APIs first, then each app's
      const httpPlugins: HttpPlugin[] = [
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
        httpPlugins.push({
          name: plugin.name,
          openapi: plugin.openapi,
          handlers: await pluginHandlers(plugin, db, resources),
        });
      }
      const environment = httpEnvironment(current.env);
      // sessions, tokens and API keys decide tenant, user and permissions; without credentials only
      // the trusted context (auth.trustedContext: test's default, development's on request) acts,
      // in the header's tenant with '*'
      // in Redis when redis.url is set: one count across nodes
      const limitStore = await sharedRateLimits(current, container, logger);
      const shared = limitStore === undefined ? {} : { store: limitStore };
      const identity = createIdentity({
        config: current,
        database: db,
        logger,
        tenancy: tenancyFromContainer(container),
        ...(limitStore === undefined ? {} : { rateLimitStore: limitStore }),
      });
      container.value(IdentityToken, identity, { dispose: (i) => i.close() });
      app = createHttpApp({
        plugins: httpPlugins,
        logger,
        metrics: container.resolve(MetricsToken),
        metricsAccess: exposure.onAppPort,
        readiness,
        ...identity.http.resolvers,
        // record policies need the user's roles beside the permissions
        permissions: withRoles(identity.http.resolvers.permissions, container.resolve(TenancyToken)),
        auth: identity.http,
        // a host (Cortex) that enables apps per tenant registers it in a provider
        appAccess: container.has(AppAccessToken) ? container.resolve(AppAccessToken) : undefined,
        publicRateLimit: current.http.publicRateLimit.enabled
          ? { ...current.http.publicRateLimit, ...shared }
          : false,
        rateLimit: current.http.rateLimit.enabled ? { ...current.http.rateLimit, ...shared } : false,
        trustProxyHops: current.auth.trustProxyHops,
        idempotency: idempotencyOptions(current, db),
        environment,
        exposeErrors: current.http.exposeErrors,
        piiFields,
        corsOrigins: current.http.cors.origins,
        bodyLimitBytes: current.http.bodyLimit,
        requestTimeoutMs: current.http.requestTimeoutMs,
        docs: current.docs.enabled,
        title: plugins.length === 1 && plugins[0] ? plugins[0].model.manifest.title : 'Codexion API',
        version: plugins.length === 1 && plugins[0] ? plugins[0].version : '0.1.0',
        ...(options.staticUi ? { staticUi: options.staticUi } : {}),
      });
      if (exposure.warning !== undefined) logger.warn({ trace_id: traceId }, exposure.warning);
      return {
        routes: report.routes.length,
        onBoot,
        metrics: exposure.listener
          ? `port ${exposure.listener.port}${exposure.listener.token ? ', token' : ''}`
          : exposure.onAppPort === false
            ? 'off'
            : `app port${exposure.onAppPort.token ? ', token' : ''}`,
      };
    });

    await runStep(log, traceId, 'jobs', async () =>
      dryRun
        ? { dry_run: true }
        : bootJobs({
            config: current,
            database: required(database, 'the database'),
            logger,
            container,
            plugins,
            frameworkJobs: [...frameworkJobs(current.jobs.schedules), required(webhooks, 'webhooks').job],
          }),
    );

    await runStep(log, traceId, 'health', async () => {
      if (dryRun) return { dry_run: true };
      const checks = await readiness();
      const { kernel: _pending, ...rest } = checks;
      // a degraded check (not critical) is reported in the step's line, it does not stop the boot
      const failed = Object.entries(rest).filter(([, check]) => !check.ok && check.critical !== false);
      if (failed.length > 0) {
        throw new KernelError(
          'BOOT_FAILED',
          `health checks failed: ${failed.map(([n, c]) => `${n} (${c.detail})`).join(', ')}`,
        );
      }
      return { checks: rest };
    });

    await runStep(log, traceId, 'ready', async () => {
      report.durationMs = Math.round(performance.now() - started);
      if (dryRun) {
        state = 'booted';
        return { dry_run: true, boot_ms: report.durationMs };
      }
      // events are delivered from here on: every consumer's plugin has booted
      const delivery = await startEvents({
        database: required(database, 'the database'),
        plugins,
        config: current.events,
        logger,
        frameworkConsumers: [required(webhooks, 'webhooks').consumer(logger)],
      });
      events = delivery.dispatcher;
      container.value(EventDispatcherToken, delivery.dispatcher);
      state = 'ready';
      const onReady = await runLifecycle(plugins, 'onReady', contextOf, { logger });
      return { boot_ms: report.durationMs, onReady, events: delivery.summary };
    });
    return report;
  }

  async function stop(reason: string): Promise<void> {
    if (booting) await booting.catch(() => undefined);
    if (state === 'stopped' || state === 'created') {
      state = 'stopped';
      return;
    }
    const wasServing = state === 'ready';
    state = 'stopping';
    logger.info({ trace_id: traceId, reason }, 'shutting down');
    // a dry run, a migrate-only boot or a failed one served nothing: nothing to drain or notify
    if (wasServing) {
      const drainMs = required(config, 'config').http.drainMs;
      await runStep(
        log,
        traceId,
        'drain',
        async () => {
          const inFlight = server?.inFlight() ?? 0;
          await Promise.all([server?.close({ drainMs }), metricsServer?.close({ drainMs })]);
          return { in_flight: inFlight, drain_ms: drainMs };
        },
        'shutdown step',
      );
      await runStep(
        log,
        traceId,
        'hooks',
        async () => ({
          onShutdown: await runLifecycle(required(registry, 'plugins').plugins, 'onShutdown', contextOf, {
            logger,
            reverse: true,
            continueOnError: true,
          }),
        }),
        'shutdown step',
      );
    }
    unwatchSealing?.();
    // the pass in progress ends before the database closes; what is left waits for the next node
    await events?.stop();
    await runStep(
      log,
      traceId,
      'dispose',
      async () => {
        await container.dispose();
        return {};
      },
      'shutdown step',
    );
    state = 'stopped';
    logger.flush();
  }

  return {
    traceId,
    container,
    get state() {
      return state;
    },
    get config() {
      return required(config, 'config');
    },
    get app() {
      return required(app, 'the HTTP app');
    },
    get plugins() {
      return registry?.plugins ?? [];
    },
    get metricsServer() {
      return metricsServer;
    },
    boot(bootOptions = {}) {
      if (booting)
        throw new KernelError('KERNEL_STATE', `boot() was already called (the kernel is ${state})`);
      state = 'booting';
      booting = run(bootOptions).catch(async (error: unknown) => {
        state = 'failed';
        await container.dispose().catch((disposeError: unknown) => {
          logger.error({ trace_id: traceId, err: disposeError }, 'disposing after a failed boot failed');
        });
        throw error;
      });
      return booting;
    },
    async listen({ port, host }: ListenOptions = {}) {
      if (state !== 'ready')
        throw new KernelError('KERNEL_STATE', `listen() needs a serving boot first (the kernel is ${state})`);
      if (server) return server;
      const current = required(config, 'config');
      const hostname = host ?? current.http.host;
      // anonymous requests hold every permission: whoever reaches the port owns the data, so only
      // this machine may reach it, whatever the CLI or a host let through
      const anonymous = container.resolve(IdentityToken).context.settings.trustedContext;
      if (anonymous && !isLoopbackHost(hostname)) {
        throw new KernelError(
          'LISTEN_REFUSED',
          `refusing to listen on ${hostname}: anonymous access (auth.trustedContext) gives every request without credentials every permission, so it is served on a loopback address only (127.0.0.1, ::1, localhost). Sign in instead (auth.trustedContext off, no --anonymous) to listen on ${hostname}`,
        );
      }
      const listening = await serve(required(app, 'the HTTP app'), {
        hostname,
        port: port ?? current.http.port,
      });
      const { listener } = metricsExposure(current);
      if (listener !== undefined) {
        try {
          metricsServer = await serve(
            metricsApp({
              metrics: container.resolve(MetricsToken),
              ...(listener.token === undefined ? {} : { token: listener.token }),
            }),
            { hostname: listener.host, port: listener.port },
          );
        } catch (error) {
          // half a node (an API without its metrics) would go unnoticed: none at all
          await listening.close({ drainMs: 0 });
          throw error;
        }
        logger.info({ trace_id: traceId, url: metricsServer.url }, 'metrics listening');
      }
      server = listening;
      if (anonymous) {
        logger.warn(
          { trace_id: traceId, url: server.url },
          'ANONYMOUS ACCESS: auth.trustedContext is on, every request without credentials acts with every permission in the X-Codexion-Tenant tenant (or the default one); for development on this machine only',
        );
      }
      logger.info({ trace_id: traceId, url: server.url, port: server.port }, 'listening');
      return server;
    },
    shutdown(reason = 'shutdown') {
      stopping ??= stop(reason);
      return stopping;
    },
    readiness,
  };
}
