import { parseArgs } from 'node:util';
import { runUntilSignal } from '@codexion/framework/kernel';
import { type HostStep, type StartCortexOptions, startCortex } from './cortex-host.js';

/** `npm start`: Cortex with every app, on embedded PGlite unless `DATABASE_URL` names PostgreSQL. */
const usage = `usage: npm start [-- --port <n>] [--host <address>] [--no-ui] [--no-seed]

Starts Cortex with every app of apps/*: migrates the database (.codexion/data, or DATABASE_URL),
on the first run seeds a demo tenant and makes its owner, and serves the console, the API and its
docs on one port. Ctrl+C stops it.`;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function line(step: HostStep): string | undefined {
  switch (step.step) {
    case 'apps':
      return step.apps.length === 0 ? '✓ no app found under apps/' : `✓ apps: ${step.apps.join(', ')}`;
    case 'ui-building':
      return '… console: building it if its sources changed';
    case 'ui':
      return step.built ? `✓ console built in ${seconds(step.durationMs)}` : '✓ console up to date';
    case 'ui-skipped':
      return `- console skipped: ${step.reason}`;
    case 'booting':
      return `… starting on ${step.database}: migrations, and on the first run the demo data`;
    case 'boot': {
      const seeded = [...new Set(step.report.seeded.map((s) => s.plugin))];
      const migrated = [...step.report.frameworkMigrations, ...step.report.migrations].reduce(
        (n, m) => n + m.tags.length,
        0,
      );
      return `✓ database ready (${migrated} migration(s) applied${seeded.length > 0 ? `, demo data seeded: ${seeded.join(', ')}` : ''}) in ${seconds(step.report.durationMs)}`;
    }
    case 'owner':
      return step.created ? '✓ demo owner created' : undefined;
    case 'listening':
      return undefined;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let args: ReturnType<typeof parseArgs>['values'];
  try {
    ({ values: args } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'no-ui': { type: 'boolean' },
        'no-seed': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const port = args.port === undefined ? undefined : Number(args.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    process.stderr.write(`--port must be a port number, not "${String(args.port)}"\n`);
    return 2;
  }
  const print = (text: string) => process.stdout.write(`${text}\n`);
  const options: StartCortexOptions = {
    ...(port === undefined ? {} : { port }),
    ...(typeof args.host === 'string' ? { host: args.host } : {}),
    ...(args['no-ui'] ? { ui: false } : {}),
    ...(args['no-seed'] ? { seed: false } : {}),
    // the steps below say what happens; the kernel's own log only speaks up about problems
    ...(process.env.CODEXION_LOGGING__LEVEL === undefined
      ? { overrides: { logging: { level: 'warn' } } }
      : {}),
    onStep: (step) => {
      const text = line(step);
      if (text !== undefined) print(`  ${text}`);
    },
  };

  print('Codexion: starting Cortex');
  let cortex: Awaited<ReturnType<typeof startCortex>>;
  try {
    cortex = await startCortex(options);
  } catch (error) {
    process.stderr.write(`\n✗ Cortex did not start: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
  const ready = process.uptime() * 1000;
  print('');
  print(`Cortex is ready in ${seconds(ready)}: ${cortex.url}`);
  if (cortex.ownerLogin) {
    print(`  sign in as ${cortex.ownerLogin.email} / ${cortex.ownerLogin.password}`);
    if (cortex.loginFile) print(`  (saved in ${cortex.loginFile})`);
  } else if (!cortex.firstRun && options.seed !== false) {
    print('  sign in with your account (the demo login file is gone)');
  }
  print(`  API docs: ${cortex.url}/api/docs · health: ${cortex.url}/readyz · Ctrl+C stops`);
  const signal = await runUntilSignal(cortex.kernel);
  print(`\nCortex stopped (${signal}).`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
