import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

const sourceExtensions = /\.(ts|tsx|mts|js|mjs)$/;
/** Installed, built or generated-at-runtime trees; dot-directories (.git, .nx, .codexion) are skipped too. */
const skippedDirectories = new Set(['node_modules', 'dist', 'coverage', 'test-results', 'playwright-report']);

/**
 * Every TypeScript and JavaScript source file under `root`, as sorted `/`-separated paths relative
 * to it. Symbolic links are not followed (npm workspaces link packages into node_modules).
 *
 * @example
 * await listSourceFiles('/work/main') // ['framework/schema/src/index.ts', 'tools/src/check-boundaries.ts', ...]
 */
export async function listSourceFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  await walk(root, '', files);
  return files.sort();
}

async function walk(root: string, relative: string, files: string[]): Promise<void> {
  const entries = await readdir(join(root, relative), { withFileTypes: true });
  for (const entry of entries) {
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !skippedDirectories.has(entry.name)) await walk(root, path, files);
    } else if (entry.isFile() && sourceExtensions.test(entry.name)) {
      files.push(path);
    }
  }
}
