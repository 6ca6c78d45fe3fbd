import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const fixtureDir = resolve(import.meta.dirname, '../../fixtures/sales');

/** A scratch workspace (an `nx.json` marker) holding a copy of the fixture app at `apps/sales`. */
export async function scratchWorkspace(): Promise<{
  root: string;
  app: string;
  dispose: () => Promise<void>;
}> {
  const root = await mkdtemp(join(tmpdir(), 'prefiq-codegen-'));
  await writeFile(join(root, 'nx.json'), '{}');
  const app = join(root, 'apps', 'sales');
  // without the committed generated/ folder, so every test starts from the sources alone
  await cp(join(fixtureDir, 'core'), join(app, 'core'), {
    recursive: true,
    filter: (source) => !source.includes('/core/generated'),
  });
  return { root, app, dispose: () => rm(root, { recursive: true, force: true }) };
}
