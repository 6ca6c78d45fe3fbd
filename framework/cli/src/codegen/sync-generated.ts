import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { compareCodeUnits } from '@codexion/schema';

async function listExisting(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export interface SyncOptions {
  /** which existing files of `dir` codegen owns (removes when no longer generated); all unless given */
  owns?: (file: string) => boolean;
}

export interface Drift {
  /** path relative to the generated folder */
  file: string;
  kind: 'changed' | 'missing' | 'extra';
}

/**
 * Compares what codegen would write with what `dir` holds: changed files, missing ones, and
 * extra ones a stale run left behind.
 *
 * @example
 * const drift = await findDrift('/repo/apps/crm/core/generated', files);
 */
export async function findDrift(
  dir: string,
  files: Map<string, string>,
  { owns = () => true }: SyncOptions = {},
): Promise<Drift[]> {
  const drift: Drift[] = [];
  const existing = new Set((await listExisting(dir)).filter(owns));
  for (const [file, content] of files) {
    if (!existing.has(file)) drift.push({ file, kind: 'missing' });
    else if ((await readFile(join(dir, file), 'utf8')) !== content) drift.push({ file, kind: 'changed' });
  }
  for (const file of existing) if (!files.has(file)) drift.push({ file, kind: 'extra' });
  return drift.sort((a, b) => compareCodeUnits(a.file, b.file));
}

/**
 * Makes `dir` hold exactly `files`: writes what changed, removes what is no longer generated,
 * leaves identical files untouched (so their mtimes, and watchers, stay quiet).
 *
 * @example
 * const written = await writeGenerated(dir, files); // ['types.ts']
 */
export async function writeGenerated(
  dir: string,
  files: Map<string, string>,
  options: SyncOptions = {},
): Promise<Drift[]> {
  const drift = await findDrift(dir, files, options);
  for (const { file, kind } of drift) {
    const path = join(dir, file);
    if (kind === 'extra') {
      await rm(path);
    } else {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, files.get(file) ?? '');
    }
  }
  return drift;
}
