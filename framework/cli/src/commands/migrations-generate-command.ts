import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { formatSource } from '../codegen/format-source.js';
import type { Output } from '../output.js';
import { findApps } from '../workspace/find-apps.js';

const require = createRequire(import.meta.url);

/**
 * `prefiq migrations generate --app <name>`: runs drizzle-kit over the app's generated tables
 * and writes the SQL migration (plus drizzle-kit's snapshot) into `bin/migrations/`, the
 * snapshot and journal formatted as the house formats JSON, so the lint passes as written.
 *
 * @example
 * await migrationsGenerateCommand({ root: '/repo', app: 'crm' }, output)
 */
export async function migrationsGenerateCommand(
  { root, app, name }: { root: string; app: string; name?: string },
  out: Output,
): Promise<number> {
  const location = (await findApps(root)).find((a) => a.name === app);
  if (!location) {
    out.error(`no app named "${app}"`);
    return 2;
  }
  const tables = join(location.dir, 'core', 'generated', 'tables.ts');
  if (!existsSync(tables)) {
    out.error(`${relative(root, tables)} does not exist: run \`prefiq codegen --app ${app}\` first`);
    return 1;
  }
  // drizzle-kit exports no ./package.json; its API entry sits beside the CLI script
  const kit = join(dirname(require.resolve('drizzle-kit')), 'bin.cjs');
  const args = [
    kit,
    'generate',
    '--dialect=postgresql',
    `--schema=${relative(root, tables)}`,
    `--out=${relative(root, join(location.dir, 'bin', 'migrations'))}`,
    ...(name ? [`--name=${name}`] : []),
  ];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  if (code !== 0) {
    out.error(`drizzle-kit generate failed (exit ${code})`);
    return code;
  }
  await formatMeta(join(location.dir, 'bin', 'migrations', 'meta'));
  return 0;
}

/** drizzle-kit writes its JSON unformatted and without a final newline: formatted like Biome would. */
async function formatMeta(dir: string): Promise<void> {
  const files = await readdir(dir).catch(() => [] as string[]);
  for (const file of files.filter((name) => name.endsWith('.json'))) {
    const text = await readFile(join(dir, file), 'utf8');
    const formatted = await formatSource(text, 'json');
    if (formatted !== text) await writeFile(join(dir, file), formatted);
  }
}
