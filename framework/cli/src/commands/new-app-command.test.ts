import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryOutput } from '../output.js';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../../../..');

/**
 * `prefiq new app` into a scratch workspace (its root configs copied, the framework and
 * node_modules linked): the new app passes codegen --check, typecheck and its own tests at once.
 */
describe('prefiq new app', () => {
  let root: string;
  const prefiq = async (...args: string[]) => {
    const out = memoryOutput();
    const code = await main([...args, '--root', root], out);
    return { code, out: out.lines.join('\n'), err: out.errors.join('\n') };
  };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'prefiq-new-app-'));
    for (const file of ['nx.json', 'package.json', 'tsconfig.base.json', 'tsconfig.browser.json']) {
      await cp(join(repo, file), join(root, file));
    }
    await writeFile(join(root, 'tsconfig.json'), JSON.stringify({ files: [], references: [] }));
    await mkdir(join(root, 'apps'));
    for (const link of ['node_modules', 'framework', 'resources'])
      await symlink(join(repo, link), join(root, link), 'dir');
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('scaffolds an app that passes codegen --check, typecheck and its own tests', async () => {
    const created = await prefiq('new', 'app', 'field-notes', '--title', 'Field Notes');
    expect(created.err).toBe('');
    expect(created.code).toBe(0);
    const app = join(root, 'apps/field-notes');
    expect(JSON.parse(await readFile(join(app, 'package.json'), 'utf8'))).toMatchObject({
      name: '@codexion/field-notes',
      nx: { name: 'app-field-notes' },
    });
    // nothing outside the app's folder: the root's project references stay as they were
    expect(JSON.parse(await readFile(join(root, 'tsconfig.json'), 'utf8')).references).toEqual([]);
    expect(await readFile(join(app, 'bin/migrations/0000_init.sql'), 'utf8')).toMatch(
      /CREATE TABLE "field_notes"\."notes"/,
    );

    expect((await prefiq('codegen', '--check')).code).toBe(0);
    await run(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-b', 'apps/field-notes'], {
      cwd: root,
    });
    const tests = await run(process.execPath, [join(repo, 'node_modules/vitest/vitest.mjs'), 'run'], {
      cwd: app,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', DATABASE_URL: '' },
    });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips colour codes from the runner's output
    expect(tests.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/Tests\s+5 passed/);
  }, 240_000);

  it('refuses bad, reserved and existing names', async () => {
    expect((await prefiq('new', 'app', 'Bad_Name')).code).toBe(2);
    expect((await prefiq('new', 'app', 'cortex')).err).toMatch(/reserved/);
    await mkdir(join(root, 'apps/taken'));
    const taken = await prefiq('new', 'app', 'taken');
    expect(taken.code).toBe(1);
    expect(taken.err).toMatch(/apps\/taken already exists/);
  });
});
