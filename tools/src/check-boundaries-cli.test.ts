import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTree, writeTree } from './check-boundaries.test-helper.js';

const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));
const cli = fileURLToPath(new URL('./check-boundaries-cli.ts', import.meta.url));

/** Runs the CLI the way `npm run check:boundaries` does, from the workspace root. */
function runCli(root: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', cli, '--root', root], {
    cwd: workspaceRoot,
    encoding: 'utf8',
  });
}

const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

describe('check-boundaries-cli', () => {
  it('prints the summary and exits 0 on a clean workspace', async () => {
    const root = await writeTree(cleanTree);
    roots.push(root);
    const { status, stdout } = runCli(root);
    expect(stdout).toBe('boundaries: 32 files checked, 0 violations\n');
    expect(status).toBe(0);
  });

  it('prints file:line, rule and message per violation and exits 1', async () => {
    const root = await writeTree({
      ...cleanTree,
      'apps/erp/src/deals.ts': "\nimport '@codexion/crm/web';\n",
    });
    roots.push(root);
    const { status, stderr } = runCli(root);
    expect(stderr.split('\n')).toEqual([
      "apps/erp/src/deals.ts:2  app-imports-app  '@codexion/crm/web' reaches app @codexion/crm (apps/crm); " +
        'no app imports another app: apps talk through events and public APIs',
      'boundaries: 33 files checked, 1 violation',
      '',
    ]);
    expect(status).toBe(1);
  });
});
