import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvAnswer, csvContentType } from '../http/csv-answer.js';
import { requestIdHeader } from '../http/request-id.js';
import type { ActionHandler } from '../plugins/define-plugin.js';
import { salesPlugin, salesRoot } from '../plugins/sales-fixture.test-helper.js';
import { createKernel, type Kernel } from './boot.js';
import { type KernelDatabase, kernelDatabase, onPostgres } from './kernel-database.test-helper.js';

/**
 * A GET action answering `?format=csv` with `csvAnswer` through a booted kernel: the sales fixture
 * copied with one more action, `exportAccounts`, whose handler returns the CSV `Response` in place
 * of its JSON result.
 */
let root: string;
let kernel: Kernel;
let database: KernelDatabase;

const exportAccountsAction = {
  id: 'exportAccounts',
  summary: 'Export the accounts',
  method: 'GET',
  path: '/accounts/export',
  permission: 'sales:account:read',
  entity: 'account',
  request: {
    type: 'object',
    additionalProperties: false,
    properties: { format: { type: 'string', enum: ['json', 'csv'], default: 'json' } },
  },
  response: {
    type: 'object',
    additionalProperties: false,
    required: ['items'],
    properties: { items: { type: 'array', maxItems: 1000, items: { type: 'object', maxProperties: 50 } } },
  },
};

const exportAccounts: ActionHandler = async (ctx, { query }) => {
  const { items } = await ctx.resources('account').list({ sort: 'name' });
  if (query.format !== 'csv') return { body: { items } };
  return csvAnswer(
    items,
    [
      { key: 'name', header: 'Name' },
      { key: 'domain', header: 'Domain' },
      // a negative figure stays a number; text that looks like a formula does not
      {
        key: 'employees',
        header: 'Headcount change',
        format: (value) => (typeof value === 'number' ? -value : null),
      },
      { key: 'tier', header: 'Tier' },
    ],
    { filename: 'accounts.csv' },
  );
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prefiq-csv-'));
  const app = join(root, 'sales');
  await cp(join(salesRoot, 'core'), join(app, 'core'), { recursive: true });
  await cp(join(salesRoot, 'bin', 'migrations'), join(app, 'bin', 'migrations'), { recursive: true });
  await writeFile(join(app, 'core', 'actions', 'export-accounts.json'), JSON.stringify(exportAccountsAction));
  const base = await salesPlugin();
  database = await kernelDatabase('csv');
  kernel = createKernel({
    root,
    plugins: [{ ...base, root: app, actions: { ...base.actions, exportAccounts } }],
    env: { NODE_ENV: 'test', ...database.env },
    logDestination: { write: () => undefined },
  });
  await kernel.boot({ seed: true });
  // a name a spreadsheet would run as a formula
  const created = await kernel.app.request('/api/sales/accounts', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: '=HYPERLINK("http://x.example","Acme, Inc.")', employees: 7 }),
  });
  expect(created.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await kernel?.shutdown();
  await database?.drop();
  await rm(root, { recursive: true, force: true });
}, 30_000);

describe(`an action answering CSV on ${onPostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('answers ?format=csv as an RFC 4180 download with the request’s standard headers', async () => {
    const response = await kernel.app.request('/api/sales/accounts/export?format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(csvContentType);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="accounts.csv"');
    expect(response.headers.get(requestIdHeader)).toBeTruthy();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(
      [
        'Name,Domain,Headcount change,Tier',
        '"\'=HYPERLINK(""http://x.example"",""Acme, Inc."")",,-7,standard',
        'Acme GmbH,acme.example,-120,gold',
        'Globex,globex.example,-40,standard',
        '',
      ].join('\r\n'),
    );
  });

  it('answers JSON without the parameter, and refuses an unknown format as 400 problem+json', async () => {
    const json = await kernel.app.request('/api/sales/accounts/export');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json');
    expect(((await json.json()) as { items: unknown[] }).items).toHaveLength(3);

    const refused = await kernel.app.request('/api/sales/accounts/export?format=xlsx');
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(await refused.json())).toContain('/query/format');
  });
});
