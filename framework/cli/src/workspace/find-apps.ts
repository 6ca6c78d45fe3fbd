import { access, readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { compareCodeUnits } from '@codexion/schema';

const skipped = new Set([
  'node_modules',
  'dist',
  '.git',
  '.nx',
  '.codexion',
  'generated',
  'templates',
  'coverage',
]);

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export interface AppLocation {
  /** the app's name: its folder name */
  name: string;
  /** absolute path of the app root (the folder holding `core/`) */
  dir: string;
  /** path relative to the workspace root */
  relativeDir: string;
}

/**
 * Finds every app in the workspace: each folder with a `core/app.json` (apps, cortex, the CLI's
 * fixture), at most four levels down, in path order.
 *
 * @example
 * await findApps('/repo') // [{ name: 'crm', relativeDir: 'apps/crm', ... }, ...]
 */
export async function findApps(root: string, depth = 4): Promise<AppLocation[]> {
  const found: AppLocation[] = [];
  const walk = async (dir: string, level: number): Promise<void> => {
    if (await exists(join(dir, 'core', 'app.json'))) {
      found.push({ name: dir.split('/').pop() ?? dir, dir, relativeDir: relative(root, dir) });
      return;
    }
    if (level >= depth) return;
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.isDirectory() && !skipped.has(entry.name) && !entry.name.startsWith('.')) {
        await walk(join(dir, entry.name), level + 1);
      }
    }
  };
  await walk(root, 0);
  return found.sort((a, b) => compareCodeUnits(a.relativeDir, b.relativeDir));
}

/**
 * The file behind one of an app package's public entry points (`./server`, `./web`): the path its
 * package.json `exports` gives, resolved inside the app's folder. Found on disk, so an app just
 * scaffolded is found before `npm install` links its package. `undefined` when the package does
 * not export it (or has no package.json).
 *
 * @throws {Error} naming the app when the export points at a file that does not exist
 *
 * @example
 * await appEntry(crm, './web') // '/repo/apps/crm/src/module.tsx'
 */
export async function appEntry(location: AppLocation, subpath: `./${string}`): Promise<string | undefined> {
  let manifest: { exports?: unknown };
  try {
    manifest = JSON.parse(await readFile(join(location.dir, 'package.json'), 'utf8')) as {
      exports?: unknown;
    };
  } catch {
    return undefined;
  }
  const exports = isRecord(manifest.exports) ? manifest.exports : {};
  const target = exports[subpath];
  // a plain path, or conditions of which the ESM one counts (`{ import, types }`)
  const path =
    typeof target === 'string' ? target : isRecord(target) ? (target.import ?? target.default) : undefined;
  if (typeof path !== 'string') return undefined;
  const file = join(location.dir, path);
  if (!(await exists(file))) {
    throw new Error(
      `${location.relativeDir}/package.json exports "${subpath}" as ${path}, which does not exist`,
    );
  }
  return file;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
