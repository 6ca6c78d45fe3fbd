import { access, readdir } from 'node:fs/promises';
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
