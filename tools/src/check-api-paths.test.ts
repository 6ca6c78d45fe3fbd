// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the check reads source text, and these strings are that text
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findApiPaths, scanApiPaths } from './check-api-paths.js';
import { type Tree, writeTree } from './check-boundaries.test-helper.js';

const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));
const cli = fileURLToPath(new URL('./check-api-paths-cli.ts', import.meta.url));

/** Runs the CLI the way `npm run check:api-paths` does, from the workspace root. */
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

/** Page code that calls the API the allowed way, and paths where the check must not look. */
const cleanTree: Tree = {
  'apps/crm/src/deals/win.ts': [
    "import { winDeal } from '../../core/generated/client/sdk.gen.js';",
    'export const win = (client: never, id: string) => winDeal({ client, path: { id }, throwOnError: true });',
    "export const route = { path: '/deals/:id' };",
    '',
  ].join('\n'),
  'apps/crm/core/generated/client/sdk.gen.ts':
    "export const winDeal = (o: unknown) => ({ url: '/deals/{id}/win', o });\n",
  'apps/crm/src/deals/win.test.ts': "await fetch('/api/crm/deals');\n",
  'apps/crm/bin/routes.ts': "export const root = '/api/crm';\n",
  'cortex/src/shell/fake-host.test-helper.tsx': "if (path === '/api/auth/me') {}\n",
  'framework/web/src/testing/fake-api.ts': "export const base = '/api/sales';\n",
  'framework/web/src/api/doc.ts':
    "/** `apiFetch('/accounts')` was the old way; '/api/sales' in a comment is fine */\nexport {};\n",
};

describe('findApiPaths', () => {
  it('finds /api/ literals, literals handed to fetch or apiFetch, and hand-written client urls', () => {
    const source = [
      "const base = '/api/crm';",
      'await apiFetch(`/deals/${id}/win`, { method: "POST" });',
      "await api.apiFetch('tenancy/members');",
      "await fetch('/readyz');",
      "await fetch(base + '/deals');",
      "await client.post({ url: '/deals/{id}/lose' });",
      "const route = { path: '/deals/:id' };",
      'await fetch(url);',
    ].join('\n');
    expect(findApiPaths('x.ts', source).map(({ line, text }) => [line, text])).toEqual([
      [1, "'/api/crm'"],
      [2, '`/deals/${id}/win`'],
      [3, "'tenancy/members'"],
      [4, "'/readyz'"],
      [5, "base + '/deals'"],
      [6, "'/deals/{id}/lose'"],
    ]);
  });

  it('reads TSX', () => {
    expect(findApiPaths('x.tsx', 'const a = <a href={`/api/auth/oidc/${id}/start`}>x</a>;')).toHaveLength(1);
  });
});

describe('check-api-paths', () => {
  it('passes a clean tree and skips tests, test helpers, the test kit, generated files and other layers', async () => {
    const root = await writeTree(cleanTree);
    roots.push(root);
    expect(await scanApiPaths({ root })).toEqual({ filesChecked: 2, violations: [] });
    const { status, stdout } = runCli(root);
    expect(stdout).toBe('api paths: 2 page files checked, 0 hand-written paths\n');
    expect(status).toBe(0);
  });

  it('prints file:line of a planted hand-written path and exits 1', async () => {
    const root = await writeTree({
      ...cleanTree,
      'cortex/src/admin/roles-page.tsx':
        "\nexport const remove = (key: string) => apiFetch(`tenancy/roles/${key}`, { method: 'DELETE' });\n",
    });
    roots.push(root);
    const { status, stderr } = runCli(root);
    expect(stderr.split('\n')).toEqual([
      'cortex/src/admin/roles-page.tsx:2  `tenancy/roles/${key}`  a request path handed to apiFetch(): call the generated SDK',
      'api paths: 3 page files checked, 1 hand-written path',
      '',
    ]);
    expect(status).toBe(1);
  });
});
