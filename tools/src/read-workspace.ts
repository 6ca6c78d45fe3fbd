import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The parts of the house the boundary rules speak about. */
export type Area = 'app' | 'cortex' | 'framework' | 'resources';

/** One workspace package: where it lives and the name it is imported by. */
export interface Project {
  area: Area;
  /** `/`-separated path from the workspace root, e.g. `apps/crm`, `framework/schema`, `cortex` */
  folder: string;
  /** the `name` of its package.json; for an app or Cortex without one yet, `@codexion/<folder name>` */
  name: string | undefined;
}

/**
 * The apps, Cortex, framework packages and resources of a workspace, with their package names.
 *
 * @example
 * await readWorkspace('/work/main')
 * // [{ area: 'app', folder: 'apps/crm', name: '@codexion/crm' }, { area: 'cortex', folder: 'cortex', ... }, ...]
 */
export async function readWorkspace(root: string): Promise<Project[]> {
  const projects: Project[] = [];
  for (const folder of await subfolders(root, 'apps')) {
    projects.push({
      area: 'app',
      folder,
      name: (await packageName(root, folder)) ?? conventionalName(folder),
    });
  }
  for (const folder of await subfolders(root, 'framework')) {
    projects.push({ area: 'framework', folder, name: await packageName(root, folder) });
  }
  for (const [area, folder] of [
    ['cortex', 'cortex'],
    ['resources', 'resources'],
  ] as const) {
    projects.push({ area, folder, name: (await packageName(root, folder)) ?? conventionalName(folder) });
  }
  return projects;
}

/** App packages are `@codexion/<name>` (docs/adr/0002). */
function conventionalName(folder: string): string {
  return `@codexion/${folder.split('/').at(-1) ?? folder}`;
}

async function subfolders(root: string, parent: string): Promise<string[]> {
  const entries = await readdir(join(root, parent), { withFileTypes: true }).catch(ifMissing([]));
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .map((entry) => `${parent}/${entry.name}`)
    .sort();
}

async function packageName(root: string, folder: string): Promise<string | undefined> {
  const file = join(root, folder, 'package.json');
  const text = await readFile(file, 'utf8').catch(ifMissing(undefined));
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON`, { cause: error });
  }
  const name = typeof parsed === 'object' && parsed !== null && 'name' in parsed ? parsed.name : undefined;
  return typeof name === 'string' ? name : undefined;
}

/** A catch handler that turns "no such file" into `fallback` and rethrows anything else. */
function ifMissing<T>(fallback: T): (error: unknown) => T {
  return (error) => {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return fallback;
    throw error;
  };
}
