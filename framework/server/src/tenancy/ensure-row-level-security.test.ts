import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows } from '../data/execute-rows.js';
import { pgErrorOf } from '../data/pg-error.js';
import {
  ensureRowLevelSecurity,
  kernelTenantTables,
  requireRowLevelSecurity,
  tenantRole,
  tenantTables,
} from './ensure-row-level-security.js';
import { type TenancyFixture, tenancyFixture } from './tenancy-fixture.test-helper.js';

let f: TenancyFixture;
const scope = { schemas: ['sales'], tables: kernelTenantTables };

/**
 * Tables with a `tenant_id` that are not isolated by a FORCEd policy, each for a reason:
 * identity looks sessions and API keys up by their secret's hash before any tenant is known (they
 * hold the tenant a credential acts in, not tenant data); the audit log, its waiting entries and
 * the entries that could not be sealed are ENABLEd without FORCE so that their owner can verify and
 * seal every tenant's chain (tenant roles have no grant on the last two at all).
 */
const exempt = new Map([
  [
    'prefiq.saga_runs',
    "sagas: the recovery job (owner) claims every tenant's stale runs (ENABLE without FORCE)",
  ],
  ['prefiq.sessions', 'identity: found by token hash before a tenant is known'],
  ['prefiq.api_keys', 'identity: found by key prefix before a tenant is known'],
  ['prefiq.audit_log', 'audit: owner verifies every chain (ENABLE without FORCE)'],
  ['prefiq.audit_pending', "audit: owner seals every tenant's waiting entries (ENABLE without FORCE)"],
  [
    'prefiq.audit_seal_failure',
    "audit: owner records every tenant's unsealable entries (ENABLE without FORCE)",
  ],
  [
    'prefiq.idempotency_keys',
    'idempotency: owner claims and replays keys around the tenant transaction (ENABLE without FORCE)',
  ],
  [
    'prefiq.audit_set_aside',
    'audit: maintenance sets aside any tenant’s unsealable entry (ENABLE without FORCE)',
  ],
  [
    'prefiq.event_outbox',
    "events: the dispatcher (owner) fans out every tenant's events (ENABLE without FORCE)",
  ],
  [
    'prefiq.event_deliveries',
    "events: the dispatcher (owner) claims and retries every tenant's deliveries (ENABLE without FORCE)",
  ],
  [
    'prefiq.event_inbox',
    'events: written in the event’s tenant; the owner reads it for operators (ENABLE without FORCE)',
  ],
]);

beforeAll(async () => {
  f = await tenancyFixture();
  // a few rows per tenant, written as each tenant's owner
  for (const [tenant, owner] of [
    [f.a, f.users.a.owner],
    [f.b, f.users.b.owner],
  ] as const) {
    const ctx = await f.context(tenant, owner);
    for (let i = 0; i < 3; i++)
      await f.engine.resource('account').create(ctx, { name: `${tenant.slice(0, 4)} ${i}` });
  }
}, 60_000);
afterAll(() => f?.dispose());

describe('ensureRowLevelSecurity', () => {
  it('enables, forces and adds the policy on every tenant table in scope, idempotently', async () => {
    const tables = await tenantTables(f.database.db, scope);
    expect(tables.map((t) => t.table)).toEqual(['prefiq.seeds', 'sales.accounts', 'sales.opportunities']);
    for (const t of tables) expect(t).toMatchObject({ enabled: true, forced: true, policy: true });
    expect((await ensureRowLevelSecurity(f.database, scope)).changed).toEqual([]);
  });

  it('leaves no table with a tenant_id unisolated but the documented exemptions', async () => {
    const all = await tenantTables(f.database.db);
    expect(all.map((t) => t.table)).toEqual(expect.arrayContaining(['prefiq.memberships', 'prefiq.roles']));
    const gaps = all.filter((t) => !exempt.has(t.table) && !(t.enabled && t.forced && t.policy));
    expect(gaps).toEqual([]);
    // webhook endpoints and deliveries are touched in their tenant's transaction (the sweeper's
    // prefiq_webhook_maintenance policy aside): forced, the owner is bound too
    expect(all.filter((t) => t.table.startsWith('prefiq.webhook_'))).toEqual([
      { table: 'prefiq.webhook_deliveries', enabled: true, forced: true, policy: true },
      { table: 'prefiq.webhook_endpoints', enabled: true, forced: true, policy: true },
    ]);
    // prefiq.tenants is keyed by id, not tenant_id: isolated by its own migration
    const [tenants] = await executeRows<{ enabled: boolean; forced: boolean }>(
      f.database.db,
      sql`select relrowsecurity as enabled, relforcerowsecurity as forced from pg_class where oid = 'prefiq.tenants'::regclass`,
    );
    expect(tenants).toEqual({ enabled: true, forced: true });
  });

  it('uses a role that owns nothing, cannot log in and does not bypass row-level security', async () => {
    const [role] = await f.database.execute<{
      rolcanlogin: boolean;
      rolsuper: boolean;
      rolbypassrls: boolean;
    }>('select rolcanlogin, rolsuper, rolbypassrls from pg_roles where rolname = $1', [tenantRole]);
    expect(role).toEqual({ rolcanlogin: false, rolsuper: false, rolbypassrls: false });
    const owned = await f.database.execute(
      `select schemaname, tablename from pg_tables where tableowner = $1`,
      [tenantRole],
    );
    expect(owned).toEqual([]);
  });

  it('refuses to serve a table without it when it does not migrate, until it is applied', async () => {
    await f.database.execute('create table sales.late (id uuid primary key, tenant_id uuid not null)');
    await expect(requireRowLevelSecurity(f.database, scope)).rejects.toThrow(
      'row-level security is missing (sales.late not enabled not forced no policy)',
    );
    expect((await ensureRowLevelSecurity(f.database, scope)).changed).toEqual([
      'sales.late: enable',
      'sales.late: force',
      'sales.late: policy',
    ]);
    await requireRowLevelSecurity(f.database, scope);
    await f.database.execute('drop table sales.late');
  });
});

describe('the tenant role in every transaction and read', () => {
  it('lets a read without any WHERE see only its own tenant', async () => {
    for (const tenant of [f.a, f.b]) {
      const rows = await f.database.read(
        (db) =>
          executeRows<{ tenant_id: string; who: string }>(
            db,
            sql`select tenant_id, current_user as who from sales.accounts`,
          ),
        { tenantId: tenant },
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.tenant_id))).toEqual(new Set([tenant]));
      expect(rows[0]?.who).toBe(tenantRole);
    }
  });

  it('refuses writes into another tenant (WITH CHECK) and moving rows out', async () => {
    const attempt = (statement: string) =>
      f.database
        .transaction((tx) => tx.execute(sql.raw(statement)), { tenantId: f.a })
        .then(
          () => 'ok',
          (error: unknown) => pgErrorOf(error)?.code,
        );
    expect(await attempt(`insert into sales.accounts (tenant_id, name) values ('${f.b}', 'planted')`)).toBe(
      '42501',
    );
    expect(await attempt(`update sales.accounts set tenant_id = '${f.b}'`)).toBe('42501');
    const changed = await f.database.transaction(
      (tx) =>
        executeRows(tx, sql`update sales.accounts set name = name where tenant_id = ${f.b} returning id`),
      { tenantId: f.a },
    );
    expect(changed).toEqual([]);
  });

  it('shows nothing to the tenant role outside a tenant', async () => {
    const rows = await f.database.transaction(
      async (tx) => {
        await tx.execute(sql.raw(`set local role ${tenantRole}`));
        return executeRows(tx, sql`select id from sales.accounts`);
      },
      { userId: f.users.a.owner },
    );
    expect(rows).toEqual([]);
  });

  it('keeps reads of many tenants at once apart, and leaves pooled connections clean', async () => {
    const reads = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? f.a : f.b)).map((tenant) =>
      f.database
        .read((db) => executeRows<{ tenant_id: string }>(db, sql`select tenant_id from sales.accounts`), {
          tenantId: tenant,
        })
        .then((rows) => rows.every((r) => r.tenant_id === tenant)),
    );
    expect(new Set(await Promise.all(reads))).toEqual(new Set([true]));
    // a failing read ends its transaction too
    await expect(
      f.database.read((db) => db.execute(sql`select * from sales.nope`), { tenantId: f.a }),
    ).rejects.toBeDefined();
    const states = await Promise.all(
      Array.from({ length: 8 }, () =>
        f.database.execute<{ who: string; tenant: string | null }>(
          "select current_user as who, nullif(current_setting('app.tenant_id', true), '') as tenant",
        ),
      ),
    );
    for (const [state] of states)
      expect(state).toEqual({ who: expect.not.stringMatching(tenantRole), tenant: null });
  });

  it('refuses a read with a tenant id that is not a uuid before it reaches SQL', async () => {
    if (f.database.kind !== 'postgres') return;
    await expect(
      f.database.read(async () => 1, { tenantId: `${randomUUID()}'; drop table x; --` }),
    ).rejects.toThrow('tenantId must be a uuid');
  });
});
