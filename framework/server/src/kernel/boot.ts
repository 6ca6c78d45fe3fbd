import type { Hono } from 'hono';
import type { LevelWithSilent, Logger } from 'pino';
import { auditSealingCheck } from '../audit/audit-sealing-check.js';
import { Container } from '../foundation/container.js';
import { createLogger } from '../foundation/create-logger.js';
import type { KernelConfig } from '../foundation/kernel-config.js';
import { KernelError } from '../foundation/kernel-error.js';
import { containerServices } from '../foundation/services.js';
import type { AppEnv } from '../http/app-env.js';
import type { ReadinessCheck } from '../http/health-routes.js';
import { isLoopbackHost } from '../http/loopback-host.js';
import { metricsApp } from '../http/metrics-routes.js';
import { type HttpServer, serve } from '../http/serve.js';
import { IdentityToken } from '../identity/create-identity.js';
import { newTraceId } from '../observability/trace-context.js';
import type { LifecycleContext } from '../plugins/define-plugin.js';
import type { RegisteredPlugin } from '../plugins/plugin-registry.js';
import type { BootRun, KernelParts } from './boot-run.js';
import { runStep } from './boot-step.js';
import { runBootSteps } from './boot-steps.js';
import type {
  BootMode,
  BootOptions,
  BootReport,
  KernelOptions,
  KernelState,
  ListenOptions,
} from './kernel-options.js';
import { MetricsToken } from './kernel-tokens.js';
import { metricsExposure } from './metrics-exposure.js';
import { runLifecycle } from './run-lifecycle.js';

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

/** The logger until the config is loaded (it logs a failing config step): JSON, at the level the environment asks for if it names a valid one. */
function bootstrapLogger({ env = process.env, logDestination }: KernelOptions): Logger {
  const wanted = env.CODEXION_LOGGING__LEVEL;
  return createLogger({
    ...(wanted !== undefined && levels.has(wanted) ? { level: wanted as LevelWithSilent } : {}),
    ...(logDestination ? { destination: logDestination } : {}),
  });
}

const levels = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/**
 * Creates the kernel for a set of plugins. Nothing runs until `boot()`, which runs the named steps
 * of `bootSteps`; no signal handler is installed (see `runUntilSignal`).
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
  const parts: KernelParts = { state: 'created', logger: options.logger ?? bootstrapLogger(options) };
  let server: HttpServer | undefined;
  let metricsServer: HttpServer | undefined;
  let booting: Promise<BootReport> | undefined;
  let stopping: Promise<void> | undefined;

  // what actions, hooks, subscribers and seeds reach as `ctx.services`
  const services = containerServices(container);
  const log = () => parts.logger;
  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new KernelError('KERNEL_STATE', `${what} is not available: the kernel is ${parts.state}`);
    return value;
  };

  const contextOf = (plugin: RegisteredPlugin): LifecycleContext => ({
    plugin: plugin.name,
    container,
    config: required(parts.config, 'config'),
    logger: parts.logger.child({ module: plugin.name }),
    database: required(parts.database, 'the database'),
  });

  const readiness = async (): Promise<Record<string, ReadinessCheck>> => {
    const checks: Record<string, ReadinessCheck> = {
      kernel: parts.state === 'ready' ? { ok: true } : { ok: false, detail: `kernel is ${parts.state}` },
    };
    const database = parts.database;
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

  const bootRun = ({ dryRun = false, migrateOnly = false, seed }: BootOptions): BootRun => {
    const mode: BootMode = dryRun ? 'dry-run' : migrateOnly ? 'migrate-only' : 'serve';
    return {
      options,
      traceId,
      container,
      services,
      mode,
      dryRun,
      migrateOnly,
      seed,
      started: performance.now(),
      report: {
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
      },
      piiFields,
      parts,
      required,
      contextOf,
      readiness,
    };
  };

  async function stop(reason: string): Promise<void> {
    if (booting) await booting.catch(() => undefined);
    if (parts.state === 'stopped' || parts.state === 'created') {
      parts.state = 'stopped';
      return;
    }
    const wasServing = parts.state === 'ready';
    parts.state = 'stopping';
    parts.logger.info({ trace_id: traceId, reason }, 'shutting down');
    // a dry run, a migrate-only boot or a failed one served nothing: nothing to drain or notify
    if (wasServing) {
      const drainMs = required(parts.config, 'config').http.drainMs;
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
          onShutdown: await runLifecycle(
            required(parts.registry, 'plugins').plugins,
            'onShutdown',
            contextOf,
            {
              logger: parts.logger,
              reverse: true,
              continueOnError: true,
            },
          ),
        }),
        'shutdown step',
      );
    }
    parts.unwatchSealing?.();
    // the pass in progress ends before the database closes; what is left waits for the next node
    await parts.events?.stop();
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
    parts.state = 'stopped';
    parts.logger.flush();
  }

  return {
    traceId,
    container,
    get state() {
      return parts.state;
    },
    get config() {
      return required(parts.config, 'config');
    },
    get app() {
      return required(parts.app, 'the HTTP app');
    },
    get plugins() {
      return parts.registry?.plugins ?? [];
    },
    get metricsServer() {
      return metricsServer;
    },
    boot(bootOptions = {}) {
      if (booting)
        throw new KernelError('KERNEL_STATE', `boot() was already called (the kernel is ${parts.state})`);
      parts.state = 'booting';
      booting = runBootSteps(bootRun(bootOptions)).catch(async (error: unknown) => {
        parts.state = 'failed';
        await container.dispose().catch((disposeError: unknown) => {
          parts.logger.error(
            { trace_id: traceId, err: disposeError },
            'disposing after a failed boot failed',
          );
        });
        throw error;
      });
      return booting;
    },
    async listen({ port, host }: ListenOptions = {}) {
      if (parts.state !== 'ready')
        throw new KernelError(
          'KERNEL_STATE',
          `listen() needs a serving boot first (the kernel is ${parts.state})`,
        );
      if (server) return server;
      const current = required(parts.config, 'config');
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
      const listening = await serve(required(parts.app, 'the HTTP app'), {
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
        parts.logger.info({ trace_id: traceId, url: metricsServer.url }, 'metrics listening');
      }
      server = listening;
      if (anonymous) {
        parts.logger.warn(
          { trace_id: traceId, url: server.url },
          'ANONYMOUS ACCESS: auth.trustedContext is on, every request without credentials acts with every permission in the X-Codexion-Tenant tenant (or the default one); for development on this machine only',
        );
      }
      parts.logger.info({ trace_id: traceId, url: server.url, port: server.port }, 'listening');
      return server;
    },
    shutdown(reason = 'shutdown') {
      stopping ??= stop(reason);
      return stopping;
    },
    readiness,
  };
}
