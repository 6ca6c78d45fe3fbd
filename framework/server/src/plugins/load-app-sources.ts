import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  type AppModel,
  type AppSources,
  compileAppModel,
  SchemaDefinitionError,
  type SourceFile,
} from '@codexion/schema';

async function listJson(dir: string, suffix: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((n) => n.endsWith(suffix)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Reads one JSON file; a syntax error becomes a definition issue naming the file and position. */
async function readJson(appDir: string, path: string): Promise<SourceFile> {
  const file = relative(appDir, path);
  const text = await readFile(path, 'utf8');
  try {
    return { file, data: JSON.parse(text) as unknown };
  } catch (error) {
    throw new SchemaDefinitionError([
      { file, pointer: '', message: `not valid JSON: ${(error as Error).message}` },
    ]);
  }
}

/**
 * Reads an app's `core/` into {@link AppSources}: `app.json`, `schema/*.schema.json`,
 * `rules/*.rules.json`, `actions/*.json`, each in file-name order so output is deterministic.
 *
 * @example
 * const sources = await loadAppSources('/repo/apps/crm');
 */
export async function loadAppSources(appDir: string): Promise<AppSources> {
  const core = join(appDir, 'core');
  const read = async (sub: string, suffix: string) =>
    Promise.all((await listJson(join(core, sub), suffix)).map((n) => readJson(appDir, join(core, sub, n))));
  return {
    manifest: await readJson(appDir, join(core, 'app.json')),
    schemas: await read('schema', '.schema.json'),
    rules: await read('rules', '.rules.json'),
    actions: await read('actions', '.json'),
  };
}

/**
 * Reads and checks an app's `core/`: the {@link AppModel} the kernel and codegen work from.
 *
 * @example
 * const model = await loadAppModel('/repo/apps/crm');
 */
export async function loadAppModel(appDir: string): Promise<AppModel> {
  return compileAppModel(await loadAppSources(appDir));
}
