import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../data/database.js';
import { pgErrorOf } from '../data/pg-error.js';
import { createTestDatabase, type TestDatabase } from '../data/test-database.js';
import { frameworkMigrations } from '../kernel/framework-migrations.js';
import { type AuditEntry, genesisHash, platformTenantId, systemActor } from './audit-entry.js';
import { auditHash } from './audit-hash.js';
import {
  asAppRole,
  asMaintenance,
  auditCount,
  auditRows,
  tenantA,
  tenantB,
  userA,
} from './audit-rows.test-helper.js';
import { recordAudit } from './record-audit.js';
import { verifyAuditChain } from './verify-audit-chain.js';

let test: TestDatabase;
let database: Database;

beforeAll(async () => {
  test = await createTestDatabase({ migrations: frameworkMigrations });
  database = test.database;
});
afterAll(() => test?.dispose());

const login = (tenantId: string, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  tenantId,
  actor: { type: 'user', id: userA },
  action: 'login',
  requestId: 'req-1',
  metadata: { method: 'password' },
  ...extra,
});

describe('recordAudit', () => {
  it('chains each tenant on its own: seq 1, 2, … and hash = sha256(prevHash ‖ canonical row)', async () => {
    const first = await database.transaction((tx) => recordAudit(tx, login(tenantA)), { tenantId: tenantA });
    const [second, third] = await database.transaction(
      (tx) =>
        recordAudit(tx, [
          login(tenantA, { action: 'logout' }),
          {
            tenantId: tenantA,
            actor: systemActor,
            action: 'role_changed',
            entity: 'prefiq.role',
            recordId: 'admin',
          },
        ]),
      { tenantId: tenantA },
    );
    const other = await database.transaction((tx) => recordAudit(tx, login(tenantB)), { tenantId: tenantB });

    expect(first).toMatchObject({
      tenantId: tenantA,
      seq: 1,
      prevHash: genesisHash,
      actorType: 'user',
      actor: userA,
    });
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash, action: 'logout' });
    expect(third).toMatchObject({
      seq: 3,
      prevHash: second?.hash,
      actorType: 'system',
      actor: 'system',
      diff: null,
    });
    expect(other).toMatchObject({ tenantId: tenantB, seq: 1, prevHash: genesisHash });
    expect(first.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    // what was stored is what was returned, and it hashes as documented
    const stored = await auditRows(database, tenantA);
    expect(stored).toEqual([first, second, third]);
    for (const row of stored) {
      const { prevHash, hash, ...content } = row;
      expect(auditHash(prevHash, content)).toBe(hash);
    }
  });

  it('writes nothing when the transaction rolls back', async () => {
    const before = await auditCount(database.db, tenantA);
    await expect(
      database.transaction(
        async (tx) => {
          await recordAudit(tx, login(tenantA));
          throw new Error('the change failed');
        },
        { tenantId: tenantA },
      ),
    ).rejects.toThrow('the change failed');
    expect(await auditCount(database.db, tenantA)).toBe(before);
    expect((await verifyAuditChain(database.db, tenantA)).ok).toBe(true);
  });

  it('keeps one chain under concurrent writers of one tenant', async () => {
    const tenant = '0d0d0d0d-0000-4000-8000-00000000000d';
    const writers = Array.from({ length: 12 }, (_, i) =>
      database.transaction(
        async (tx) => {
          // hold the transaction open a little so writers overlap on PostgreSQL
          if (database.kind === 'postgres') await tx.execute(sql`select pg_sleep(0.01)`);
          return recordAudit(tx, login(tenant, { requestId: `req-${i}` }));
        },
        { tenantId: tenant },
      ),
    );
    const records = await Promise.all(writers);
    expect(records.map((r) => r.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    const result = await verifyAuditChain(database.db, tenant);
    expect(result).toMatchObject({ ok: true, tenants: [{ tenantId: tenant, rows: 12 }] });
  });

  it('stores text as PostgreSQL keeps it, so odd input still verifies', async () => {
    const tenant = '0e0e0e0e-0000-4000-8000-00000000000e';
    const record = await database.transaction(
      (tx) =>
        recordAudit(
          tx,
          login(tenant, {
            metadata: { agent: 'bad\u0000byte \uD800 lone', nested: { 'k\u0000': [1.5, null, 1e21] } },
          }),
        ),
      { tenantId: tenant },
    );
    expect(record.metadata).toEqual({
      agent: 'bad\uFFFDbyte \uFFFD lone',
      nested: { 'k\uFFFD': [1.5, null, 1e21] },
    });
    expect((await verifyAuditChain(database.db, tenant)).ok).toBe(true);
  });

  it('accepts the platform chain and refuses malformed entries before touching the database', async () => {
    await database.transaction((tx) => recordAudit(tx, login(platformTenantId, { action: 'login_failed' })), {
      tenantId: platformTenantId,
    });
    await expect(database.transaction((tx) => recordAudit(tx, login('not-a-uuid')))).rejects.toThrow(
      /tenantId/,
    );
    await expect(
      database.transaction((tx) => recordAudit(tx, login(tenantA, { action: 'Log In' }))),
    ).rejects.toThrow(/action/);
    await expect(
      database.transaction((tx) => recordAudit(tx, { ...login(tenantA), actor: { type: 'user', id: '' } })),
    ).rejects.toThrow(/actor/);
    expect(await database.transaction((tx) => recordAudit(tx, []))).toEqual([]);
  });
});

describe('append-only in the database', () => {
  const code = (error: unknown) => pgErrorOf(error)?.code;

  it('refuses UPDATE, DELETE and TRUNCATE even to a superuser without the maintenance role', async () => {
    for (const statement of [
      sql`update prefiq.audit_log set actor = 'someone-else'`,
      sql`delete from prefiq.audit_log`,
      sql`truncate prefiq.audit_log`,
    ]) {
      const error = await database.transaction((tx) => tx.execute(statement)).catch((e: unknown) => e);
      expect(code(error)).toBe('42501');
      expect(String((error as Error).cause ?? error)).toMatch(/append-only/);
    }
  });

  it('lets the app role insert and read its tenant only, never update or delete', async () => {
    const update = await asAppRole(database, tenantA, (tx) =>
      tx.execute(sql`update prefiq.audit_log set actor = 'x' where tenant_id = ${tenantA}::uuid`),
    );
    expect(code(update.error)).toBe('42501');
    const remove = await asAppRole(database, tenantA, (tx) =>
      tx.execute(sql`delete from prefiq.audit_log where tenant_id = ${tenantA}::uuid`),
    );
    expect(code(remove.error)).toBe('42501');

    const appended = await asAppRole(database, tenantA, (tx) => recordAudit(tx, login(tenantA)));
    expect(appended.error).toBeUndefined();
    const visible = await asAppRole(database, tenantA, (tx) => auditCount(tx, tenantB));
    expect(visible.value).toBe(0);
    // row-level security: an entry for another tenant than the transaction's is refused
    const foreign = await asAppRole(database, tenantA, (tx) => recordAudit(tx, login(tenantB)));
    expect(String(foreign.error)).toMatch(/not in tenant/);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('lets the maintenance role change rows (which verify then names)', async () => {
    const tenant = '0f0f0f0f-0000-4000-8000-00000000000f';
    await database.transaction((tx) => recordAudit(tx, [login(tenant), login(tenant)]), { tenantId: tenant });
    await asMaintenance(
      database,
      sql`update prefiq.audit_log set request_id = 'forged' where tenant_id = ${tenant}::uuid and seq = 2`,
    );
    expect((await verifyAuditChain(database.db, tenant)).problems).toEqual([
      expect.objectContaining({ tenantId: tenant, seq: 2, kind: 'altered' }),
    ]);
  });
});
