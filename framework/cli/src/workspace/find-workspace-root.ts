import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The nearest folder, from `start` up, that holds `nx.json`: the Codexion workspace root.
 *
 * @example
 * findWorkspaceRoot(process.cwd()) // '/repo'
 */
export function findWorkspaceRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no Codexion workspace (nx.json) found above ${start}`);
    dir = parent;
  }
}
