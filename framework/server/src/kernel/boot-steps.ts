import { KernelError } from '../foundation/kernel-error.js';
import { frameworkJobs } from '../jobs/framework-jobs.js';
import { bootJobs } from './boot-jobs.js';
import type { BootRun } from './boot-run.js';
import { type BootStepName, runStep } from './boot-step.js';
import { configStep } from './config-step.js';
import { containerStep } from './container-step.js';
import { migrationsStep } from './migrations-step.js';
import { pluginsStep, providersStep } from './plugins-step.js';
import { readyStep } from './ready-step.js';
import { routesStep } from './routes-step.js';

/** One named step of a boot: it returns the details its log line carries. */
export interface BootStep {
  name: BootStepName;
  /** a migrate-only boot stops before the first step that serves */
  serves: boolean;
  run(run: BootRun): Promise<Record<string, unknown>>;
}

async function jobsStep(run: BootRun): Promise<Record<string, unknown>> {
  if (run.dryRun) return { dry_run: true };
  const config = run.required(run.parts.config, 'config');
  return bootJobs({
    config,
    database: run.required(run.parts.database, 'the database'),
    logger: run.parts.logger,
    container: run.container,
    plugins: run.required(run.parts.registry, 'plugins').plugins,
    frameworkJobs: [
      ...frameworkJobs(config.jobs.schedules, { eventRetentionDays: config.events.retentionDays }),
      run.required(run.parts.webhooks, 'webhooks').job,
      run.required(run.parts.webhooks, 'webhooks').sweeper,
    ],
  });
}

async function healthStep(run: BootRun): Promise<Record<string, unknown>> {
  if (run.dryRun) return { dry_run: true };
  const { kernel: _pending, ...checks } = await run.readiness();
  // a degraded check (not critical) is reported in the step's line, it does not stop the boot
  const failed = Object.entries(checks).filter(([, check]) => !check.ok && check.critical !== false);
  if (failed.length > 0) {
    throw new KernelError(
      'BOOT_FAILED',
      `health checks failed: ${failed.map(([n, c]) => `${n} (${c.detail})`).join(', ')}`,
    );
  }
  return { checks };
}

/**
 * The steps of a boot, in order: config → container → providers → plugins → migrations → routes →
 * jobs → health → ready.
 */
export const bootSteps: readonly BootStep[] = [
  { name: 'config', serves: false, run: configStep },
  { name: 'container', serves: false, run: containerStep },
  { name: 'providers', serves: false, run: providersStep },
  { name: 'plugins', serves: false, run: pluginsStep },
  { name: 'migrations', serves: false, run: migrationsStep },
  { name: 'routes', serves: true, run: routesStep },
  { name: 'jobs', serves: true, run: jobsStep },
  { name: 'health', serves: true, run: healthStep },
  { name: 'ready', serves: true, run: readyStep },
];

/**
 * Runs `steps` in order, each logged as one line with the boot's trace id and its duration; a
 * migrate-only boot stops (booted) before the first step that serves.
 *
 * @example
 * const report = await runBootSteps(run);
 */
export async function runBootSteps(run: BootRun, steps: readonly BootStep[] = bootSteps) {
  for (const step of steps) {
    if (run.migrateOnly && step.serves) {
      run.parts.state = 'booted';
      run.report.durationMs = Math.round(performance.now() - run.started);
      break;
    }
    await runStep(
      () => run.parts.logger,
      run.traceId,
      step.name,
      () => step.run(run),
    );
  }
  return run.report;
}
