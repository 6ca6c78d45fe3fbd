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
  return loadContractSources(join(appDir, 'core'), appDir);
}

/**
 * Reads a contract folder laid out like an app's `core/` (`app.json`, `schema/`, `rules/`,
 * `actions/`) into {@link AppSources}, file names relative to `baseDir`: an app's `core/`, or one
 * of the framework's own APIs in `framework/contracts/<name>/`.
 *
 * @example
 * const sources = await loadContractSources('/repo/framework/contracts/auth'); // files: 'schema/user.schema.json', ...
 */
export async function loadContractSources(dir: string, baseDir = dir): Promise<AppSources> {
  const read = async (sub: string, suffix: string) =>
    Promise.all((await listJson(join(dir, sub), suffix)).map((n) => readJson(baseDir, join(dir, sub, n))));
  return {
    manifest: await readJson(baseDir, join(dir, 'app.json')),
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
