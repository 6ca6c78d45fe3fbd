import { access } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { SchemaDefinitionError } from '@codexion/schema';
import { generateApp } from '../codegen/generate-app.js';
import { generateClientRuntime, isRuntimeFile } from '../codegen/generate-client-runtime.js';
import { findDrift, type SyncOptions, writeGenerated } from '../codegen/sync-generated.js';
import type { Output } from '../output.js';
import { type AppLocation, findApps } from '../workspace/find-apps.js';
import { findFrameworkContracts, frameworkContractsDir } from '../workspace/find-framework-contracts.js';

export interface CodegenOptions {
  root: string;
  /** only this app, or this contract of the framework's own APIs (`auth`) */
  app?: string;
  check?: boolean;
  /** only the client runtime of `framework/client` */
  runtime?: boolean;
  /** only the contracts of the framework's own APIs (`framework/contracts/*`) */
  framework?: boolean;
}

/** Where `@codexion/client` keeps its generated runtime, when the workspace has the package. */
async function runtimeDir(root: string): Promise<string | undefined> {
  const dir = join(root, 'framework', 'client', 'src');
  try {
    await access(join(dir, 'index.ts'));
    return dir;
  } catch {
    return undefined;
  }
}

/** One folder codegen owns, what it should hold, and how to tell the user about it. */
interface SyncTarget {
  dir: string;
  /** how the folder is named in the output: `apps/crm`, `framework/client/src` */
  label: string;
  /** where its content comes from, for the drift message: `core/` */
  source: string;
  /** the command that regenerates it */
  fix: string;
  files: Map<string, string>;
  /** `performance.now()` when its generation started */
  started: number;
  /** the steps and their durations, for the output */
  steps: string;
  options?: SyncOptions;
}

/** Writes (or with `check`, compares) one generated folder; reports, and returns whether it drifted. */
async function sync(root: string, target: SyncTarget, check: boolean, out: Output): Promise<boolean> {
  const { dir, label, files, options } = target;
  if (check) {
    const drift = await findDrift(dir, files, options);
    const total = `${Math.round(performance.now() - target.started)}ms`;
    if (drift.length === 0) {
      out.info(`✓ ${label}: ${files.size} generated files up to date (${total})`);
      return false;
    }
    out.error(`✗ ${label}: generated files drifted from ${target.source} — run \`${target.fix}\``);
    for (const d of drift) out.error(`  ${d.kind.padEnd(8)} ${relative(root, join(dir, d.file))}`);
    return true;
  }
  const written = await writeGenerated(dir, files, options);
  const what = written.length === 0 ? 'up to date' : `${written.length} file(s) written`;
  out.info(`✓ ${label}: ${what} (${target.steps})`);
  return false;
}

/** A folder of contract sources codegen turns into a `generated/` folder. */
interface ContractLocation {
  location: AppLocation;
  kind: 'app' | 'framework';
}

/**
 * `prefiq codegen [--app <name> | --runtime | --framework] [--check]`: regenerates every app's
 * `core/generated/`, the `generated/` folder of each contract of the framework's own APIs
 * (`framework/contracts/<name>`) and the client runtime of `framework/client`
 * (`@codexion/client`), or with `--check` regenerates in memory and fails naming each drifted
 * file. Returns the exit code.
 *
 * @example
 * await codegenCommand({ root: '/repo', check: true }, output) // 0 when nothing drifted
 */
export async function codegenCommand(
  { root, app, check = false, runtime = false, framework = false }: CodegenOptions,
  out: Output,
): Promise<number> {
  let failed = false;
  if (app === undefined && !framework) {
    const dir = await runtimeDir(root);
    if (dir === undefined && runtime) {
      out.error('no client runtime here (looked for framework/client/src/index.ts)');
      return 2;
    }
    if (dir !== undefined) {
      const started = performance.now();
      const files = await generateClientRuntime();
      const target: SyncTarget = {
        dir,
        label: relative(root, dir),
        source: '@hey-api/openapi-ts',
        fix: 'prefiq codegen --runtime',
        files,
        started,
        steps: `runtime ${Math.round(performance.now() - started)}ms`,
        options: { owns: isRuntimeFile },
      };
      failed = await sync(root, target, check, out);
    }
    if (runtime) return failed ? 1 : 0;
  }
  const contracts: ContractLocation[] = [
    ...(framework ? [] : (await findApps(root)).map((location) => ({ location, kind: 'app' as const }))),
    ...(await findFrameworkContracts(root)).map((location) => ({ location, kind: 'framework' as const })),
  ].filter(({ location }) => app === undefined || location.name === app);
  if (contracts.length === 0) {
    if (framework) {
      out.error(`no contracts of the framework's APIs (looked for ${frameworkContractsDir}/<name>/app.json)`);
      return 2;
    }
    out.error(app ? `no app named "${app}" (looked for <dir>/${app}/core/app.json)` : 'no apps found');
    return app ? 2 : failed ? 1 : 0;
  }
  for (const { location, kind } of contracts) {
    const steps: string[] = [];
    const started = performance.now();
    let files: Map<string, string>;
    try {
      files = await generateApp(
        location.dir,
        (step, ms) => {
          steps.push(`${step} ${Math.round(ms)}ms`);
          out.progress(`${location.relativeDir}: ${steps.join(' · ')}`);
        },
        { kind },
      );
    } catch (error) {
      if (!(error instanceof SchemaDefinitionError)) throw error;
      out.clearProgress();
      out.error(`${location.relativeDir}: ${error.issues.length} problem(s) in core/`);
      for (const issue of error.issues) {
        out.error(`  ${join(location.relativeDir, issue.file)}#${issue.pointer}: ${issue.message}`);
      }
      failed = true;
      continue;
    }
    out.clearProgress();
    const target: SyncTarget = {
      dir: kind === 'app' ? join(location.dir, 'core', 'generated') : join(location.dir, 'generated'),
      label: location.relativeDir,
      source: kind === 'app' ? 'core/' : 'its contract',
      fix: `prefiq codegen --app ${location.name}`,
      files,
      started,
      steps: steps.join(' · '),
    };
    if (await sync(root, target, check, out)) failed = true;
  }
  return failed ? 1 : 0;
}
