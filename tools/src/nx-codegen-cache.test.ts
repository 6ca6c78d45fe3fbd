import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const fixture = 'framework/cli/fixtures/sales';

/**
 * Proves Nx's cache can never hand back stale generated code: in a scratch copy of the workspace,
 * run the fixture's codegen target, change a schema, run it again and see the new field in the
 * generated types; change it back and see the cache restore the old output.
 */
describe('nx codegen cache', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'codexion-nx-cache-'));
    // the lockfile and workspace manifests let Nx resolve the external dependencies named in inputs
    for (const file of [
      'nx.json',
      'package.json',
      'package-lock.json',
      'tsconfig.base.json',
      'framework/cli/package.json',
      'framework/schema/package.json',
    ]) {
      await cp(join(repo, file), join(root, file));
    }
    for (const dir of ['framework/schema/src', 'framework/cli/src', fixture]) {
      await cp(join(repo, dir), join(root, dir), { recursive: true });
    }
    await symlink(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const codegen = async () => {
    const { stdout } = await run(
      process.execPath,
      [join(repo, 'node_modules/nx/dist/bin/nx.js'), 'run', 'fixture-sales:codegen'],
      {
        cwd: root,
        env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' },
      },
    );
    return stdout;
  };
  const types = () => readFile(join(root, fixture, 'core/generated/client/types.gen.ts'), 'utf8');
  const schemaFile = () => join(root, fixture, 'core/schema/account.schema.json');

  it('reruns codegen when a schema changes and restores the matching output from cache', async () => {
    const first = await codegen();
    expect(first).toMatch(/Successfully ran target codegen/);
    expect(await codegen()).toMatch(/1\/1 hit|existing outputs match the cache|local cache/);

    const original = await readFile(schemaFile(), 'utf8');
    const schema = JSON.parse(original) as { properties: Record<string, unknown> };
    schema.properties.nickname = { type: 'string', maxLength: 40 };
    await writeFile(schemaFile(), JSON.stringify(schema, null, 2));
    expect(await types()).not.toMatch(/nickname/);

    const changed = await codegen();
    expect(changed).toMatch(/0\/1 hit|Cache:\s+0/);
    expect(await types()).toMatch(/nickname\?: string;/);

    await writeFile(schemaFile(), original);
    await codegen();
    expect(await types()).not.toMatch(/nickname/);
  }, 120_000);
});
