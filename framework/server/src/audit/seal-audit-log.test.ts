import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import { pgErrorOf } from '../data/pg-error.js';
import { createTestDatabase, type TestDatabase } from '../data/test-database.js';
import { frameworkMigrations } from '../kernel/framework-migrations.js';
import { type AuditEntry, platformTenantId } from './audit-entry.js';
import { asMaintenance, auditRows } from './audit-rows.test-helper.js';
import { recordAudit } from './record-audit.js';
import { type AuditSealEvent, sealAuditLog, watchAuditSealing } from './seal-audit-log.js';
import { stuckAuditChains } from './stuck-audit-chains.js';
import { plantPending, unsealableMetadata } from './unsealable-entry.test-helper.js';
import { verifyAuditChain } from './verify-audit-chain.js';

let test: TestDatabase;
let database: Database;

beforeAll(async () => {
  test = await createTestDatabase({ migrations: frameworkMigrations });
  database = test.database;
});
afterAll(() => test?.dispose());

const login = (tenantId: string, requestId: string): AuditEntry => ({
  tenantId,
  actor: { type: 'system' },
  action: 'login',
  requestId,
});

const write = (tenantId: string, requestId: string) =>
  database.transaction((tx) => recordAudit(tx, login(tenantId, requestId)), { tenantId });

const requestIds = async (tenantId: string) => (await auditRows(database, tenantId)).map((r) => r.requestId);

/** The entries of a tenant still waiting for their seal, oldest first. */
async function waiting(tenantId: string): Promise<string[]> {
  const rows = await executeRows<{ request_id: string }>(
    database.db,
    sql`select request_id from prefiq.audit_pending where tenant_id = ${tenantId}::uuid order by id`,
  );
  return rows.map((row) => row.request_id);
}

describe('an entry that cannot be sealed', () => {
  it("stops its own tenant's chain only: other tenants and the platform keep sealing, batch after batch", async () => {
    const a = '2a2a2a2a-0000-4000-8000-00000000002a';
    const b = '2b2b2b2b-0000-4000-8000-00000000002b';
    await write(a, 'a-1');
    await plantPending(database, a, 'a-bad', unsealableMetadata);
    await plantPending(database, a, 'a-after');
    // more of B's entries than a batch holds, older than its next write
    for (let i = 0; i < 5; i++) await plantPending(database, b, `b-${i}`);
    // these writes seal after their commits; the bad entry must not make them wait
    await write(b, 'b-write');
    await write(platformTenantId, 'platform-write');
    expect(await sealAuditLog(database, { batchSize: 2 })).toBeGreaterThanOrEqual(0);

    expect(await requestIds(b)).toEqual(['b-0', 'b-1', 'b-2', 'b-3', 'b-4', 'b-write']);
    expect((await verifyAuditChain(database.db, b)).ok).toBe(true);
    expect((await requestIds(platformTenantId)).at(-1)).toBe('platform-write');
    // A: what came before the bad entry is sealed; the bad one and what follows wait, in order
    expect(await requestIds(a)).toEqual(['a-1']);
    expect(await waiting(a)).toEqual(['a-bad', 'a-after']);
    expect(await verifyAuditChain(database.db, a)).toMatchObject({
      ok: true,
      tenants: [{ tenantId: a, rows: 1, pending: 2 }],
    });
    // and later writes of B are still sealed at their commit
    await write(b, 'b-later');
    expect((await requestIds(b)).at(-1)).toBe('b-later');

    const [stuck, ...others] = await stuckAuditChains(database.db, a);
    expect(others).toEqual([]);
    expect(stuck).toMatchObject({
      tenantId: a,
      waiting: 2,
      attempts: 1,
      error: 'metadata: canonicalJson: Infinity is not a JSON number',
    });
    expect(stuck?.since).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(await stuckAuditChains(database.db, b)).toEqual([]);
  });

  it('tries a stuck entry again only after its backoff, and reports the first failure once', async () => {
    const tenant = '2c2c2c2c-0000-4000-8000-00000000002c';
    const events: AuditSealEvent[] = [];
    const stop = watchAuditSealing(database, (event) => {
      if (event.tenantId === tenant) events.push(event);
    });
    try {
      await plantPending(database, tenant, 'c-bad', unsealableMetadata);
      await sealAuditLog(database);
      for (let i = 0; i < 5; i++) await write(platformTenantId, `pass-${i}`);
      await sealAuditLog(database, { tenantId: tenant });
      const [first] = await stuckAuditChains(database.db, tenant);
      // passes went by, but none tried it again before its retry time
      expect(first).toMatchObject({ attempts: 1 });
      expect(Date.parse(first?.retryAt ?? '') - Date.parse(first?.lastFailedAt ?? '')).toBe(1000);
      expect(events).toEqual([
        {
          type: 'stuck',
          tenantId: tenant,
          pendingId: first?.pendingId,
          error: 'metadata: canonicalJson: Infinity is not a JSON number',
        },
      ]);

      // its retry time has come: tried again, failed again, waits twice as long
      await database.execute(
        `update prefiq.audit_seal_failure set retry_at = now() - interval '1 second' where tenant_id = $1`,
        [tenant],
      );
      await sealAuditLog(database);
      const [second] = await stuckAuditChains(database.db, tenant);
      expect(second).toMatchObject({ attempts: 2, since: first?.since });
      expect(Date.parse(second?.retryAt ?? '') - Date.parse(second?.lastFailedAt ?? '')).toBe(2000);
      // `retryStuck` (what `prefiq audit verify` does) does not wait, and tries it once per call
      await sealAuditLog(database, { retryStuck: true, maxBatches: Number.POSITIVE_INFINITY });
      expect((await stuckAuditChains(database.db, tenant))[0]).toMatchObject({ attempts: 3 });
      // a retry that fails again is not news
      expect(events).toHaveLength(1);
    } finally {
      stop();
    }
  });

  it('seals what it once could not after a fix, and says the chain resumed', async () => {
    const tenant = '2d2d2d2d-0000-4000-8000-00000000002d';
    const events: AuditSealEvent[] = [];
    const stop = watchAuditSealing(database, (event) => {
      if (event.tenantId === tenant) events.push(event);
    });
    try {
      await plantPending(database, tenant, 'd-bad', unsealableMetadata);
      await plantPending(database, tenant, 'd-after');
      await sealAuditLog(database);
      expect(await waiting(tenant)).toEqual(['d-bad', 'd-after']);
      // what a fixed cause looks like to the sealer: the entry now hashes
      await asMaintenance(
        database,
        sql`update prefiq.audit_pending set metadata = '{"n": 1}' where tenant_id = ${tenant}::uuid`,
      );
      await sealAuditLog(database, { retryStuck: true });
      expect(await requestIds(tenant)).toEqual(['d-bad', 'd-after']);
      expect(await stuckAuditChains(database.db, tenant)).toEqual([]);
      expect(events.map((event) => event.type)).toEqual(['stuck', 'resumed']);
      expect((await verifyAuditChain(database.db, tenant)).ok).toBe(true);
    } finally {
      stop();
    }
  });

  it('can be set aside by the maintenance role: kept whole, and a marker takes its place in the chain', async () => {
    const tenant = '2e2e2e2e-0000-4000-8000-00000000002e';
    await write(tenant, 'e-1');
    const id = await plantPending(database, tenant, 'e-bad', unsealableMetadata);
    await plantPending(database, tenant, 'e-after');
    await sealAuditLog(database);
    const [stuck] = await stuckAuditChains(database.db, tenant);
    expect(stuck?.pendingId).toBe(id);

    // not without the role, not without a reason, not an entry that did not fail
    const refused = await database
      .transaction((tx) => tx.execute(sql`select prefiq.audit_set_aside(${id}, 'cannot hash')`))
      .catch((error: unknown) => error);
    expect(pgErrorOf(refused)?.code).toBe('42501');
    await expect(
      asMaintenance(database, sql`select prefiq.audit_set_aside(${id}::bigint, ' ')`),
    ).rejects.toThrow();

    await asMaintenance(
      database,
      sql`select prefiq.audit_set_aside(${id}::bigint, 'metadata holds a number JSON cannot carry (ticket 42)')`,
    );
    await sealAuditLog(database);
    const rows = await auditRows(database, tenant);
    expect(rows.map((r) => [r.seq, r.action, r.requestId])).toEqual([
      [1, 'login', 'e-1'],
      [2, 'audit.entry_set_aside', 'e-bad'],
      [3, 'login', 'e-after'],
    ]);
    const [kept] = await executeRows<{ metadata: unknown; digest: string; reason: string }>(
      database.db,
      sql`select s.metadata::text as metadata, prefiq.audit_set_aside_digest(s) as digest, s.reason
            from prefiq.audit_set_aside s where s.pending_id = ${id}`,
    );
    expect(kept?.metadata).toMatch(/^\{"n": 1000000000/);
    expect(rows[1]?.metadata).toEqual({
      pendingId: id,
      action: 'login',
      actorType: 'system',
      actor: 'system',
      reason: 'metadata holds a number JSON cannot carry (ticket 42)',
      sealError: 'metadata: canonicalJson: Infinity is not a JSON number',
      setAsideBy: 'prefiq_audit_maintenance',
      contentSha256: kept?.digest,
    });
    expect((await verifyAuditChain(database.db, tenant)).ok).toBe(true);
    expect(await stuckAuditChains(database.db, tenant)).toEqual([]);
    // what was set aside stays as it was
    const changed = await database
      .transaction((tx) => tx.execute(sql`delete from prefiq.audit_set_aside where pending_id = ${id}`))
      .catch((error: unknown) => error);
    expect(pgErrorOf(changed)?.code).toBe('42501');
  });

  it("isolates a tenant whose seal the database refuses, sealing every other tenant's", async () => {
    const refused = '3a3a3a3a-0000-4000-8000-00000000003a';
    const fine = '3b3b3b3b-0000-4000-8000-00000000003b';
    // a fault of the database's own for one tenant (a constraint, a trigger an operator added)
    await database.execute(`create function public.refuse_audit_of_tenant() returns trigger language plpgsql as $$
      begin
        if new.tenant_id = '${refused}' then
          raise exception 'refused' using errcode = 'check_violation', constraint = 'test_refusal';
        end if;
        return new;
      end $$`);
    await database.execute(
      'create trigger test_refusal before insert on prefiq.audit_log for each row execute function public.refuse_audit_of_tenant()',
    );
    try {
      await plantPending(database, refused, 'r-1');
      await plantPending(database, fine, 'f-1');
      await plantPending(database, refused, 'r-2');
      await plantPending(database, fine, 'f-2');
      await sealAuditLog(database);
      expect(await requestIds(fine)).toEqual(['f-1', 'f-2']);
      expect(await waiting(refused)).toEqual(['r-1', 'r-2']);
      expect(await stuckAuditChains(database.db, refused)).toEqual([
        expect.objectContaining({
          waiting: 2,
          attempts: 1,
          error: 'the database refused the seal: SQLSTATE 23514 (constraint test_refusal)',
        }),
      ]);
      // the fast path again, for the others: the refused chain waits for its retry time
      await write(fine, 'f-3');
      expect((await requestIds(fine)).at(-1)).toBe('f-3');
    } finally {
      await database.execute('drop trigger test_refusal on prefiq.audit_log');
      await database.execute('drop function public.refuse_audit_of_tenant()');
    }
    await sealAuditLog(database, { retryStuck: true });
    expect(await requestIds(refused)).toEqual(['r-1', 'r-2']);
    expect((await verifyAuditChain(database.db, refused)).ok).toBe(true);
  });

  it('seals an entry nested far deeper than 64 levels', async () => {
    const tenant = '2f2f2f2f-0000-4000-8000-00000000002f';
    let deep: unknown = 'leaf';
    for (let i = 0; i < 70; i++) deep = { a: deep };
    await database.transaction(
      (tx) => recordAudit(tx, { ...login(tenant, 'deep'), metadata: { custom: deep } }),
      { tenantId: tenant },
    );
    expect(await requestIds(tenant)).toEqual(['deep']);
    expect((await verifyAuditChain(database.db, tenant)).ok).toBe(true);
  });
});
