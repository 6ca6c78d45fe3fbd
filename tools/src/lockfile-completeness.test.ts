import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  optionalDependencies?: Record<string, string>;
}

/**
 * `npm ci` refuses a lockfile that lacks an optional dependency of a locked package — which happens
 * when the registry this was installed from does not have some platform's binary (Biome 2.6.8 and
 * Tailwind's oxide 4.3.5 were such versions). Caught here, on a developer's machine, before CI.
 */
describe('package-lock.json', () => {
  it('holds every optional dependency of every locked package, so npm ci works on a fresh clone', async () => {
    const lock = JSON.parse(
      await readFile(resolve(import.meta.dirname, '../../package-lock.json'), 'utf8'),
    ) as {
      packages: Record<string, LockEntry>;
    };
    const paths = new Set(Object.keys(lock.packages));
    const missing: string[] = [];
    let checked = 0;
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        checked += 1;
        const nested = path === '' ? `node_modules/${name}` : `${path}/node_modules/${name}`;
        if (!paths.has(nested) && !paths.has(`node_modules/${name}`))
          missing.push(`${path || '(root)'} -> ${name}`);
      }
    }
    console.log(`lockfile: ${checked} optional dependencies checked, ${missing.length} missing`);
    expect(missing).toEqual([]);
  });
});
