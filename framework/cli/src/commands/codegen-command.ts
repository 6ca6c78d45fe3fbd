import { join, relative } from 'node:path';
import { SchemaDefinitionError } from '@codexion/schema';
import { generateApp } from '../codegen/generate-app.js';
import { findDrift, writeGenerated } from '../codegen/sync-generated.js';
import type { Output } from '../output.js';
import { findApps } from '../workspace/find-apps.js';

export interface CodegenOptions {
  root: string;
  app?: string;
  check?: boolean;
}

/**
 * `prefiq codegen [--app <name>] [--check]`: regenerates every app's `core/generated/`, or with
 * `--check` regenerates in memory and fails naming each drifted file. Returns the exit code.
 *
 * @example
 * await codegenCommand({ root: '/repo', check: true }, output) // 0 when nothing drifted
 */
export async function codegenCommand(
  { root, app, check = false }: CodegenOptions,
  out: Output,
): Promise<number> {
  const apps = (await findApps(root)).filter((a) => app === undefined || a.name === app);
  if (apps.length === 0) {
    out.error(app ? `no app named "${app}" (looked for <dir>/${app}/core/app.json)` : 'no apps found');
    return app ? 2 : 0;
  }
  let failed = false;
  for (const location of apps) {
    const steps: string[] = [];
    const started = performance.now();
    let files: Map<string, string>;
    try {
      files = await generateApp(location.dir, (step, ms) => {
        steps.push(`${step} ${Math.round(ms)}ms`);
        out.progress(`${location.relativeDir}: ${steps.join(' · ')}`);
      });
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
    const dir = join(location.dir, 'core', 'generated');
    const total = `${Math.round(performance.now() - started)}ms`;
    out.clearProgress();
    if (check) {
      const drift = await findDrift(dir, files);
      if (drift.length === 0) {
        out.info(`✓ ${location.relativeDir}: ${files.size} generated files up to date (${total})`);
      } else {
        failed = true;
        out.error(
          `✗ ${location.relativeDir}: generated files drifted from core/ — run \`prefiq codegen --app ${location.name}\``,
        );
        for (const d of drift) out.error(`  ${d.kind.padEnd(8)} ${relative(root, join(dir, d.file))}`);
      }
    } else {
      const written = await writeGenerated(dir, files);
      out.info(
        `✓ ${location.relativeDir}: ${written.length === 0 ? 'up to date' : `${written.length} file(s) written`} (${steps.join(' · ')})`,
      );
    }
  }
  return failed ? 1 : 0;
}
