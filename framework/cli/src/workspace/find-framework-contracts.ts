import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { compareCodeUnits } from '@codexion/schema';
import type { AppLocation } from './find-apps.js';

/** Where the contracts of the framework's own APIs live, relative to the workspace root. */
export const frameworkContractsDir = join('framework', 'contracts');

/**
 * Finds the contract folders of the framework's own APIs: each folder of `framework/contracts/`
 * with an `app.json` (`auth`, `tenancy`, `audit`, ...), in name order; none when the workspace has
 * no such package.
 *
 * @example
 * await findFrameworkContracts('/repo') // [{ name: 'audit', relativeDir: 'framework/contracts/audit', ... }, ...]
 */
export async function findFrameworkContracts(root: string): Promise<AppLocation[]> {
  const dir = join(root, frameworkContractsDir);
  let entries: string[];
  try {
    entries = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: AppLocation[] = [];
  for (const name of entries.sort(compareCodeUnits)) {
    const names = await readdir(join(dir, name));
    if (!names.includes('app.json')) continue;
    found.push({ name, dir: join(dir, name), relativeDir: relative(root, join(dir, name)) });
  }
  return found;
}
