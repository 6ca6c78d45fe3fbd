import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../data/database.js';
import { createTestDatabase, type TestDatabase } from '../data/test-database.js';
import { createHttpApp } from '../http/create-http-app.js';
import { auditOpenApi } from '../http/framework-apis.js';
import { mergeOpenApi } from '../http/merge-openapi.js';
import { tenantFromHeader } from '../http/tenant-context.js';
import { createKernel, type Kernel } from '../kernel/boot.js';
import { frameworkMigrations } from '../kernel/framework-migrations.js';
import { logCapture } from '../kernel/probe-app.test-helper.js';
import { responseValidator } from '../kernel/response-validator.js';
import { createMetrics } from '../observability/metrics.js';
import { salesPlugin, salesRoot } from '../plugins/sales-fixture.test-helper.js';
import type { AuditEntry, AuditRecord } from './audit-entry.js';
import { auditReadPermission } from './audit-read-permission.js';
import { auditHttpPlugin } from './audit-routes.js';
import { auditRows, tenantA, tenantB, userA } from './audit-rows.test-helper.js';
import { recordAudit } from './record-audit.js';
import { plantPending, unsealableMetadata } from './unsealable-entry.test-helper.js';

const salesMigrations = { name: 'sales', migrationsFolder: join(salesRoot, 'bin', 'migrations') };
const check = responseValidator(auditOpenApi);
const userB = '0d0d0d0d-0000-4000-8000-00000000000d';
const recordX = '3c3c3c3c-0000-4000-8000-00000000003c';

let test: TestDatabase;
let database: Database;
let app: ReturnType<typeof createHttpApp>;
let granted = new Set([auditReadPermission]);
/** tenant A's rows, oldest first */
let rowsA: AuditRecord[] = [];

function entry(tenantId: string, i: number): AuditEntry {
  return {
    tenantId,
    actor: i % 3 === 0 ? { type: 'system' } : { type: 'user', id: i % 2 === 0 ? userA : userB },
    action: i % 4 === 0 ? 'login' : 'update',
    entity: i % 4 === 0 ? undefined : i % 2 === 0 ? 'sales.account' : 'sales.opportunity',
    recordId: i % 4 === 0 ? undefined : i < 6 ? recordX : `r${i}`,
    diff: i % 4 === 0 ? undefined : { name: { before: `n${i - 1}`, after: `n${i}` } },
    requestId: `req-${i}`,
  };
}

beforeAll(async () => {
  test = await createTestDatabase({ migrations: [...frameworkMigrations, salesMigrations] });
  database = test.database;
  rowsA = [];
  // one transaction each, so rows have distinct times
  for (let i = 1; i <= 9; i++) {
    await database.transaction((tx) => recordAudit(tx, entry(tenantA, i)), { tenantId: tenantA });
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  rowsA = await auditRows(database, tenantA);
  await database.transaction((tx) => recordAudit(tx, [entry(tenantB, 1), entry(tenantB, 2)]), {
    tenantId: tenantB,
  });
  app = createHttpApp({
    plugins: [auditHttpPlugin({ database })],
    logger: pino({ level: 'silent' }),
    metrics: createMetrics({ defaultMetrics: false }),
    readiness: () => ({}),
    tenant: tenantFromHeader(),
    permissions: () => granted,
    environment: 'test',
  });
});
afterAll(() => test?.dispose());

async function get(path: string, tenantId = tenantA) {
  const response = await app.request(`/api/audit${path}`, { headers: { 'X-Codexion-Tenant': tenantId } });
  const operationId = path.startsWith('/log') ? 'listAuditLog' : 'getAuditRecordHistory';
  const issues = await check(operationId, response);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as { items: AuditRecord[]; nextCursor: string | null } & Record<
      string,
      unknown
    >,
    issues,
  };
}

const seqs = (items: readonly AuditRecord[]) => items.map((item) => item.seq);

describe('GET /api/audit/log', () => {
  it("lists the tenant's entries newest first, exactly as stored", async () => {
    const { status, body, issues } = await get('/log');
    expect(status).toBe(200);
    expect(issues).toEqual([]);
    expect(body.items).toEqual([...rowsA].reverse());
    expect(body.nextCursor).toBeNull();
  });

  it('filters by actor, entity, record, action and time, combined', async () => {
    expect(seqs((await get(`/log?actor=${userB}`)).body.items)).toEqual([7, 5, 1]);
    expect(seqs((await get('/log?actor=system')).body.items)).toEqual([9, 6, 3]);
    expect(seqs((await get('/log?entity=sales.account')).body.items)).toEqual([6, 2]);
    expect(seqs((await get(`/log?recordId=${recordX}`)).body.items)).toEqual([5, 3, 2, 1]);
    expect(seqs((await get('/log?action=login')).body.items)).toEqual([8, 4]);
    expect(seqs((await get('/log?action=login,update&entity=sales.opportunity')).body.items)).toEqual([
      9, 7, 5, 3, 1,
    ]);
    const from = rowsA[2]?.at ?? '';
    const to = rowsA[5]?.at ?? '';
    expect(seqs((await get(`/log?from=${from}&to=${to}`)).body.items)).toEqual([5, 4, 3]);
    expect((await get(`/log?from=${encodeURIComponent('2999-01-01T00:00:00+01:00')}`)).body.items).toEqual(
      [],
    );
  });

  it('pages by cursor without gaps or repeats, filters kept', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await get(`/log?pageSize=4${cursor === null ? '' : `&cursor=${cursor}`}`);
      expect(page.issues).toEqual([]);
      seen.push(...seqs(page.body.items));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    const first = await get('/log?pageSize=1&action=login');
    const second = await get(`/log?pageSize=1&action=login&cursor=${first.body.nextCursor}`);
    expect([...seqs(first.body.items), ...seqs(second.body.items)]).toEqual([8, 4]);
    expect(second.body.nextCursor).toBeNull();
  });

  it("never shows another tenant's entries", async () => {
    const b = await get('/log', tenantB);
    expect(b.body.items.map((item) => [item.tenantId, item.seq])).toEqual([
      [tenantB, 2],
      [tenantB, 1],
    ]);
    expect((await get(`/log?recordId=${recordX}&entity=sales.opportunity`, tenantB)).body.items).toEqual([
      expect.objectContaining({ tenantId: tenantB, seq: 1 }),
    ]);
  });

  it.each([
    ['/log?pageSize=0', '/query/pageSize'],
    ['/log?pageSize=many', '/query/pageSize'],
    ['/log?from=yesterday', '/query/from'],
    ['/log?action=Log%20In', '/query/action/0'],
    ['/log?entity=account', '/query/entity'],
    ['/log?colour=red', '/query/colour'],
    ['/log?from=2026-01-02T00:00:00Z&to=2000-01-01T00:00:00Z', '/query/to'],
    ['/log?cursor=bm90LWEtY3Vyc29y', '/query/cursor'],
    // a cursor cut short: `audit:12345:NN` without its end would still read as seq 123
    [`/log?cursor=${Buffer.from('audit:12345:00').toString('base64url').slice(0, -3)}`, '/query/cursor'],
    [`/log?cursor=${Buffer.from('audit:12345').toString('base64url')}`, '/query/cursor'],
    ['/records/account/x/history', '/params/entity'],
  ])('answers %s with 400 problem+json naming %s', async (path, field) => {
    const { status, type, body } = await get(path);
    expect(status).toBe(400);
    expect(type).toBe('application/problem+json');
    expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
  });

  it('needs prefiq:audit:read', async () => {
    granted = new Set(['sales:*']);
    try {
      const { status, body } = await get('/log');
      expect(status).toBe(403);
      expect(body).toMatchObject({ code: 'FORBIDDEN', permission: auditReadPermission });
    } finally {
      granted = new Set(['prefiq:*']);
    }
    expect((await get('/log')).status).toBe(200);
  });
});

describe('GET /api/audit/records/{entity}/{id}/history', () => {
  it("gives one record's entries, newest first, in the caller's tenant only", async () => {
    const { status, body, issues } = await get(`/records/sales.opportunity/${recordX}/history`);
    expect(status).toBe(200);
    expect(issues).toEqual([]);
    expect(seqs(body.items)).toEqual([5, 3, 1]);
    expect(seqs((await get(`/records/sales.account/${recordX}/history`)).body.items)).toEqual([2]);
    const paged = await get(`/records/sales.opportunity/${recordX}/history?pageSize=2`);
    expect(seqs(paged.body.items)).toEqual([5, 3]);
    const rest = await get(
      `/records/sales.opportunity/${recordX}/history?pageSize=2&cursor=${paged.body.nextCursor}`,
    );
    expect(seqs(rest.body.items)).toEqual([1]);
    // tenant B has a record with the same id: B sees its own entry only
    expect((await get(`/records/sales.account/${recordX}/history`, tenantB)).body.items).toEqual([
      expect.objectContaining({ tenantId: tenantB, seq: 2 }),
    ]);
    expect((await get('/records/sales.account/r7/history', tenantB)).body.items).toEqual([]);
  });
});

describe('the audit API in the kernel', () => {
  let kernel: Kernel;
  let own: TestDatabase;
  const logs = logCapture();

  beforeAll(async () => {
    own = await createTestDatabase({ migrations: [...frameworkMigrations, salesMigrations] });
    kernel = createKernel({
      root: salesRoot,
      plugins: [await salesPlugin()],
      env: { NODE_ENV: 'test', CODEXION_LOGGING__LEVEL: 'warn' },
      logDestination: logs.stream,
      database: own.database,
      overrides: { seed: { enabled: false } },
    });
    await kernel.boot();
    // the kernel closes the database on shutdown; dropping a PostgreSQL one is still ours
    afterAll(async () => {
      await kernel.shutdown();
      await own.dispose();
    });
  }, 60_000);

  it("records a request's write and serves its history; documents both routes", async () => {
    const headers = {
      'content-type': 'application/json',
      'X-Codexion-Tenant': tenantA,
      'X-Request-Id': 'req-e2e',
    };
    const created = await kernel.app.request('/api/sales/accounts', {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Via HTTP', contactEmail: 'pii@via.example' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const history = await kernel.app.request(`/api/audit/records/sales.account/${id}/history`, { headers });
    expect(history.status).toBe(200);
    const body = (await history.json()) as { items: AuditRecord[] };
    expect(body.items).toEqual([
      expect.objectContaining({
        action: 'create',
        entity: 'sales.account',
        recordId: id,
        requestId: 'req-e2e',
        diff: expect.objectContaining({ name: { after: 'Via HTTP' }, contactEmail: { after: '[redacted]' } }),
      }),
    ]);
    const doc = (await (await kernel.app.request('/api/openapi.json')).json()) as typeof auditOpenApi;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/audit/log', '/api/audit/records/{entity}/{id}/history']),
    );
  });

  it("shares the apps' error components in the merged document (nothing renamed)", async () => {
    const merged = mergeOpenApi([
      { name: 'audit', openapi: auditOpenApi },
      { name: 'sales', openapi: kernel.plugins[0]?.openapi ?? auditOpenApi },
    ]);
    expect(Object.keys(merged.components.schemas)).toContain('Problem');
    expect(Object.keys(merged.components.responses)).toEqual(
      expect.arrayContaining(['BadRequest', 'Forbidden', 'InternalError', 'TooManyRequests', 'Unauthorized']),
    );
    expect(Object.keys(merged.components.securitySchemes).sort()).toEqual(['apiKey', 'bearer', 'session']);
    expect(merged.paths['/api/audit/log']?.get?.operationId).toBe('listAuditLog');
  });

  it('keeps serving a tenant whose chain cannot seal, and /readyz says which chain is stuck', async () => {
    const stuckTenant = '5a5a5a5a-0000-4000-8000-00000000005a';
    const headers = { 'content-type': 'application/json', 'X-Codexion-Tenant': stuckTenant };
    await plantPending(own.database, stuckTenant, 'planted', unsealableMetadata);
    const created = await kernel.app.request('/api/sales/accounts', {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Behind the stuck entry' }),
    });
    expect(created.status).toBe(201);

    const log = await kernel.app.request('/api/audit/log', { headers });
    expect(log.status).toBe(200);
    expect(await check('listAuditLog', log.clone())).toEqual([]);
    const page = (await log.json()) as { items: AuditRecord[]; sealing: Record<string, unknown> };
    expect(page.items).toEqual([]);
    expect(page.sealing).toEqual({
      pending: 2,
      stuck: {
        since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        attempts: 1,
        retryAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        error: 'metadata: canonicalJson: Infinity is not a JSON number',
      },
    });
    const history = await kernel.app.request(`/api/audit/records/sales.account/x/history`, { headers });
    expect(history.status).toBe(200);

    // other tenants' writes are sealed at their commit as before
    const other = await kernel.app.request('/api/sales/accounts', {
      method: 'POST',
      headers: { ...headers, 'X-Codexion-Tenant': tenantB },
      body: JSON.stringify({ name: 'Unaffected' }),
    });
    expect(other.status).toBe(201);
    const otherLog = await kernel.app.request('/api/audit/log', {
      headers: { 'X-Codexion-Tenant': tenantB },
    });
    expect(((await otherLog.json()) as { sealing: unknown }).sealing).toEqual({ pending: 0, stuck: null });

    // degraded, not out of rotation: every other tenant is served
    const ready = await kernel.app.request('/readyz');
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as {
      status: string;
      checks: Record<string, { ok: boolean; detail?: string }>;
    };
    expect(body.status).toBe('degraded');
    expect(body.checks.database).toEqual({ ok: true });
    expect(body.checks.audit).toMatchObject({ ok: false, critical: false });
    expect(body.checks.audit?.detail).toMatch(
      new RegExp(
        `^1 audit chain cannot seal: tenant ${stuckTenant}: 2 entries waiting since \\d{4}-.*Z \\(1 attempt\\): metadata: canonicalJson: Infinity is not a JSON number$`,
      ),
    );
    // logged once, when it happened, not on every pass or probe
    await kernel.app.request('/readyz');
    const stuckLines = logs.lines().filter((line) => line.msg === 'audit chain stuck');
    expect(stuckLines).toEqual([
      expect.objectContaining({
        level: 'warn',
        tenant: stuckTenant,
        error: 'metadata: canonicalJson: Infinity is not a JSON number',
      }),
    ]);
  });
});
