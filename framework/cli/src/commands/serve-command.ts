import { developmentTenantId, KernelError, loadConfig } from '@codexion/framework/foundation';
import { isLoopbackHost } from '@codexion/framework/http';
import { createKernel, runUntilSignal, type SignalSource } from '@codexion/framework/kernel';
import { besideData } from '../host/beside-data.js';
import { ensureDemoLogin } from '../host/demo-login.js';
import { hostConfig } from '../host/host-config.js';
import { localSigningKey } from '../host/signing-key-file.js';
import type { Output } from '../output.js';
import { findApps } from '../workspace/find-apps.js';
import { buildWebUi } from './build-web-ui.js';
import { formatBootReport } from './format-boot-report.js';
import { configRootOf, loadAppPlugin } from './load-app-plugin.js';

export interface ServeOptions {
  root: string;
  app: string;
  /** overrides `http.port` */
  port?: number;
  /** overrides `http.host` (`127.0.0.1` in development and test, `0.0.0.0` elsewhere) */
  host?: string;
  dryRun?: boolean;
  /** environment variables; `process.env` unless given */
  env?: Readonly<Record<string, string | undefined>>;
  /** where SIGTERM/SIGINT come from; `process` unless given (tests) */
  signals?: SignalSource;
  /** build (when stale) and serve the app's web UI from `src/index.html`; on unless false */
  ui?: boolean;
  /**
   * seed demo data (each plugin's `seed`, once per tenant) and make the demo's owner; the config's
   * `seed.enabled` (on in development) unless given. `--no-seed` passes false.
   */
  seed?: boolean;
  /**
   * anonymous access, for development on this machine (`--anonymous`, or `auth.trustedContext:
   * true` in the config): requests without credentials act in the `X-Codexion-Tenant` tenant
   * with every permission. Served on a loopback address only; refused in production.
   */
  anonymous?: boolean;
}

/**
 * `prefiq serve --app <name> [--port <n>] [--host <address>] [--dry-run] [--no-ui] [--no-seed]
 * [--anonymous]`: boots the app's plugin (`bin/plugin.ts`) standalone and serves it until
 * SIGTERM/SIGINT, then drains and stops. Signing in is required, as in Cortex (cookie session and
 * CSRF token): the first run with demo data makes the owner `owner@acme.example` of the demo
 * tenant with a random password, printed with the URL and kept in `.codexion/<app>-login.json`
 * (0600) beside the data. An app with `src/index.html` gets its web UI on the same port: built
 * with Vite into `dist/web` when missing or stale, served beside `/api` with client routes falling
 * back to `index.html`. With `--dry-run`, prints the plan (plugins, pending migrations, routes)
 * and changes nothing. Returns the exit code: 0 done, 1 failed, 2 refused (anonymous access
 * beyond loopback).
 *
 * @example
 * await serveCommand({ root: '/repo', app: 'crm', port: 8080 }, output)
 */
export async function serveCommand(
  { root, app, port, host, dryRun = false, env, signals, ui = true, seed, anonymous = false }: ServeOptions,
  out: Output,
): Promise<number> {
  const location = (await findApps(root)).find((a) => a.name === app);
  if (!location) {
    out.error(`no app named "${app}" (looked for <dir>/${app}/core/app.json)`);
    return 2;
  }
  const configRoot = configRootOf(location, root);
  // a copy: nothing that changes process.env later (the UI build) reaches the kernel
  const vars = { ...(env ?? process.env) };
  let kernel: ReturnType<typeof createKernel> | undefined;
  try {
    // the config decides the environment, the address and where the data lives: read it up front
    const { config } = await loadConfig({ root: configRoot, env: vars });
    const open = anonymous || config.auth.trustedContext === true;
    const address = host ?? config.http.host;
    // the kernel refuses this too (at listen); here it is said before anything is built or opened
    if (open && !isLoopbackHost(address)) {
      out.error(
        `✗ ${app}: anonymous access (${anonymous ? '--anonymous' : 'auth.trustedContext'}) is served on a loopback address only (127.0.0.1, ::1, localhost), not on ${address}: every request without credentials would hold every permission. Leave out ${anonymous ? '--anonymous' : 'auth.trustedContext'} to listen on ${address} with sign-in.`,
      );
      return 2;
    }
    const demo = seed ?? config.seed.enabled;
    // like Cortex: the token key kept beside the data keeps everyone signed in across restarts;
    // a dry run changes nothing, so makes no key
    const signingKey = dryRun
      ? undefined
      : await localSigningKey(
          { env: config.env, jwt: config.auth.jwt },
          besideData(configRoot, config.database.dataDir, `${app}-jwt-key.pem`),
        );
    const overrides = hostConfig(
      { ...(port === undefined ? {} : { port }), ...(host === undefined ? {} : { host }) },
      {
        env: config.env,
        port: port ?? config.http.port,
        seed: demo,
        signingKey,
        demoTenantId: developmentTenantId,
        anonymous: open,
      },
      vars,
    );

    // built before the boot so a broken UI fails fast, before the database is opened
    const web = ui && !dryRun ? await buildWebUi({ appDir: location.dir, root }) : undefined;
    if (web) {
      const where = `${location.relativeDir}/dist/web`;
      out.info(
        web.built
          ? `✓ web UI built into ${where} in ${(web.durationMs / 1000).toFixed(1)} s`
          : `✓ web UI in ${where} is up to date`,
      );
    }
    kernel = createKernel({
      root: configRoot,
      plugins: [await loadAppPlugin(location, root)],
      env: vars,
      overrides,
      ...(web ? { staticUi: { dir: web.dir } } : {}),
    });
    const report = await kernel.boot({ dryRun, ...(seed === undefined ? {} : { seed }) });
    if (dryRun) {
      for (const line of formatBootReport(report)) out.info(line);
      await kernel.shutdown('dry run done');
      return 0;
    }
    const loginFile = besideData(configRoot, kernel.config.database.dataDir, `${app}-login.json`);
    const login = demo
      ? await ensureDemoLogin(kernel, {
          demoTenantId: developmentTenantId,
          database: report.database,
          loginFile,
          host: `the ${app} app`,
        })
      : undefined;
    const server = await kernel.listen();
    out.info(`✓ ${location.relativeDir} listening on ${server.url} (docs: ${server.url}/api/docs)`);
    for (const { tenantId } of report.seeded) out.info(`  seeded demo data for tenant ${tenantId}`);
    if (web) out.info(`  open ${server.url}/ for the app`);
    if (login?.ownerLogin) {
      out.info(`  sign in as ${login.ownerLogin.email} / ${login.ownerLogin.password}`);
      if (loginFile !== undefined) out.info(`  (saved in ${loginFile})`);
    } else if (login) {
      out.info('  sign in with your account (the demo login file is gone)');
    }
    if (open) {
      out.info(
        '  ⚠ ANONYMOUS ACCESS: requests without credentials act with every permission (X-Codexion-Tenant picks the tenant); for development on this machine only',
      );
    }
    await runUntilSignal(kernel, signals ? { source: signals } : {});
    return 0;
  } catch (error) {
    await kernel?.shutdown('boot failed').catch(() => undefined);
    // the kernel has logged the failing step; this line is for the person at the terminal
    out.error(
      `✗ ${app}: ${error instanceof KernelError ? error.message : ((error as Error).stack ?? String(error))}`,
    );
    return 1;
  }
}
