import { parseArgs } from 'node:util';
import { auditVerifyCommand } from './commands/audit-verify-command.js';
import { codegenCommand } from './commands/codegen-command.js';
import { migrateCommand } from './commands/migrate-command.js';
import { migrationsGenerateCommand } from './commands/migrations-generate-command.js';
import { newAppCommand } from './commands/new-app-command.js';
import { serveCommand } from './commands/serve-command.js';
import { consoleOutput, type Output } from './output.js';
import { findWorkspaceRoot } from './workspace/find-workspace-root.js';

const usage = `prefiq — the Codexion command

Usage:
  prefiq codegen [--app <name> | --runtime | --framework] [--check]
                                            write core/generated/ from core/, the generated/ folder of each
                                            contract of the framework's APIs (framework/contracts/<name>:
                                            --framework for those only) and the client runtime of
                                            framework/client (--check: fail on drift)
  prefiq migrations generate --app <name> [--name <tag>]
                                            SQL migrations from core/generated/tables.ts into bin/migrations/
  prefiq new app <name> [--title <title>]   scaffold apps/<name>: core, bin, src, tests, project config
  prefiq migrate [--app <name>] [--dry-run] apply migrations (all apps with bin/plugin.ts), run upgrades, no server
  prefiq serve --app <name> [--port <n>] [--host <address>] [--dry-run] [--no-ui] [--no-seed] [--anonymous]
                                            boot the app standalone and serve it until SIGTERM/SIGINT, with
                                            its web UI (src/, built into dist/web when stale) on the same port
                                            (--dry-run: print plugins, pending migrations, routes; change nothing;
                                            demo data is seeded once per tenant in development unless --no-seed).
                                            Signing in is required: the first run makes the demo owner and prints
                                            its login (kept in .codexion/<name>-login.json, mode 0600).
                                            --anonymous: no sign-in, every permission (development, loopback only)
  prefiq audit verify [--tenant <id>] [--app <name>]
                                            check each tenant's audit hash chain; name the first altered or
                                            removed row (exit 1). Reads DATABASE_URL and config like migrate
  prefiq help                               this text

Options:
  --root <dir>   workspace root (default: the nearest folder above with nx.json)
`;

/**
 * Runs the `prefiq` command with `argv` (without node and script) and returns the exit code:
 * 0 done, 1 failed (drift, bad schema), 2 wrong usage.
 *
 * @example
 * process.exitCode = await main(['codegen', '--check']);
 */
export async function main(argv: string[], out: Output = consoleOutput()): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    out.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const root = values.root ?? findWorkspaceRoot(process.cwd());
  const [command, sub, name] = positionals;
  switch (command) {
    case 'codegen':
      return codegenCommand(
        {
          root,
          ...(values.app ? { app: values.app } : {}),
          check: values.check === true,
          runtime: values.runtime === true,
          framework: values.framework === true,
        },
        out,
      );
    case 'migrations':
      if (sub !== 'generate' || !values.app) break;
      return migrationsGenerateCommand(
        { root, app: values.app, ...(values.name ? { name: values.name } : {}) },
        out,
      );
    case 'new':
      if (sub !== 'app' || !name) break;
      return newAppCommand({ root, name, ...(values.title ? { title: values.title } : {}) }, out);
    case 'migrate':
      return migrateCommand(
        { root, ...(values.app ? { app: values.app } : {}), dryRun: values['dry-run'] === true },
        out,
      );
    case 'serve': {
      if (!values.app) break;
      const port = values.port === undefined ? undefined : Number(values.port);
      if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
        out.error(`--port must be a port number (0-65535), got "${values.port}"\n\n${usage}`);
        return 2;
      }
      return serveCommand(
        {
          root,
          app: values.app,
          ...(port === undefined ? {} : { port }),
          ...(values.host === undefined ? {} : { host: values.host }),
          dryRun: values['dry-run'] === true,
          ui: values['no-ui'] !== true,
          ...(values['no-seed'] === true ? { seed: false } : {}),
          anonymous: values.anonymous === true,
        },
        out,
      );
    }
    case 'audit':
      if (sub !== 'verify') break;
      return auditVerifyCommand(
        {
          root,
          ...(values.tenant ? { tenant: values.tenant } : {}),
          ...(values.app ? { app: values.app } : {}),
        },
        out,
      );
    case 'help':
    case undefined:
      out.info(usage);
      return command === 'help' ? 0 : 2;
  }
  out.error(`unknown or incomplete command: prefiq ${argv.join(' ')}\n\n${usage}`);
  return 2;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      app: { type: 'string' },
      check: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      'no-ui': { type: 'boolean' },
      'no-seed': { type: 'boolean' },
      anonymous: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
      name: { type: 'string' },
      title: { type: 'string' },
      tenant: { type: 'string' },
      root: { type: 'string' },
      runtime: { type: 'boolean' },
      framework: { type: 'boolean' },
    },
  });
}
