import { createKernel, KernelError, runUntilSignal, type SignalSource } from '@codexion/framework';
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
  dryRun?: boolean;
  /** environment variables; `process.env` unless given */
  env?: Readonly<Record<string, string | undefined>>;
  /** where SIGTERM/SIGINT come from; `process` unless given (tests) */
  signals?: SignalSource;
  /** build (when stale) and serve the app's web UI from `src/index.html`; on unless false */
  ui?: boolean;
  /**
   * seed demo data (each plugin's `seed`, once per tenant); the config's `seed.enabled` (on in
   * development) unless given. `--no-seed` passes false.
   */
  seed?: boolean;
}

/**
 * `prefiq serve --app <name> [--port <n>] [--dry-run] [--no-ui] [--no-seed]`: boots the app's plugin
 * (`bin/plugin.ts`) standalone and serves it until SIGTERM/SIGINT, then drains and stops. An app
 * with `src/index.html` gets its web UI on the same port: built with Vite into `dist/web` when
 * missing or stale, served beside `/api` with client routes falling back to `index.html`. With `--dry-run`, prints
 * the plan (plugins, pending migrations, routes) and changes nothing. Returns the exit code.
 *
 * @example
 * await serveCommand({ root: '/repo', app: 'crm', port: 8080 }, output)
 */
export async function serveCommand(
  { root, app, port, dryRun = false, env, signals, ui = true, seed }: ServeOptions,
  out: Output,
): Promise<number> {
  const location = (await findApps(root)).find((a) => a.name === app);
  if (!location) {
    out.error(`no app named "${app}" (looked for <dir>/${app}/core/app.json)`);
    return 2;
  }
  let kernel: ReturnType<typeof createKernel> | undefined;
  try {
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
      root: configRootOf(location, root),
      plugins: [await loadAppPlugin(location, root)],
      ...(env ? { env } : {}),
      ...(port === undefined ? {} : { overrides: { http: { port } } }),
      ...(web ? { staticUi: { dir: web.dir } } : {}),
    });
    const report = await kernel.boot({ dryRun, ...(seed === undefined ? {} : { seed }) });
    if (dryRun) {
      for (const line of formatBootReport(report)) out.info(line);
      await kernel.shutdown('dry run done');
      return 0;
    }
    const server = await kernel.listen();
    out.info(`✓ ${location.relativeDir} listening on ${server.url} (docs: ${server.url}/api/docs)`);
    for (const { tenantId } of report.seeded) out.info(`  seeded demo data for tenant ${tenantId}`);
    if (web) out.info(`  open ${server.url}/ for the app`);
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
