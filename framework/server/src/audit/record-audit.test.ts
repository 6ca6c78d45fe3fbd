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
  pendingCount,
  tenantA,
  tenantB,
  userA,
} from './audit-rows.test-helper.js';
import { recordAudit } from './record-audit.js';
import { sealAuditLog } from './seal-audit-log.js';
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
    await database.transaction((tx) => recordAudit(tx, login(tenantA)), { tenantId: tenantA });
    await database.transaction(
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
    await database.transaction((tx) => recordAudit(tx, login(tenantB)), { tenantId: tenantB });

    // sealed once each transaction committed, before it resolved
    const [first, second, third, ...rest] = await auditRows(database, tenantA);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      tenantId: tenantA,
      seq: 1,
      prevHash: genesisHash,
      actorType: 'user',
      actor: userA,
      action: 'login',
    });
    expect(second).toMatchObject({ seq: 2, prevHash: first?.hash, action: 'logout' });
    expect(third).toMatchObject({
      seq: 3,
      prevHash: second?.hash,
      actorType: 'system',
      actor: 'system',
      diff: null,
    });
    expect(await auditRows(database, tenantB)).toEqual([
      expect.objectContaining({ tenantId: tenantB, seq: 1, prevHash: genesisHash }),
    ]);
    expect(first?.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // what was stored hashes as documented
    for (const row of [first, second, third]) {
      if (row === undefined) throw new Error('missing row');
      const { prevHash, hash, ...content } = row;
      expect(auditHash(prevHash, content)).toBe(hash);
    }
    expect(await pendingCount(database.db)).toBe(0);
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
    await sealAuditLog(database);
    expect(await auditCount(database.db, tenantA)).toBe(before);
    expect(await pendingCount(database.db)).toBe(0);
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
    await Promise.all(writers);
    const rows = await auditRows(database, tenant);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(rows.map((r) => r.requestId).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `req-${i}`).sort(),
    );
    const result = await verifyAuditChain(database.db, tenant);
    expect(result).toMatchObject({ ok: true, tenants: [{ tenantId: tenant, rows: 12, pending: 0 }] });
  });

  it.runIf(process.env.DATABASE_URL !== undefined)(
    'takes no lock in the writing transaction: a writer of the same tenant commits while another is open',
    async () => {
      const tenant = '0d0d0d0d-0000-4000-8000-0000000000d2';
      let releaseFirst: () => void = () => undefined;
      const firstMayCommit = new Promise<void>((resolve) => {
        releaseFirst = resolve;
      });
      let firstRecorded: () => void = () => undefined;
      const recorded = new Promise<void>((resolve) => {
        firstRecorded = resolve;
      });
      const first = database.transaction(
        async (tx) => {
          await recordAudit(tx, login(tenant, { requestId: 'first' }));
          firstRecorded();
          await firstMayCommit;
        },
        { tenantId: tenant },
      );
      await recorded;
      // the old per-tenant lock, held until commit, would keep this one waiting for `first`
      await database.transaction((tx) => recordAudit(tx, login(tenant, { requestId: 'second' })), {
        tenantId: tenant,
      });
      releaseFirst();
      await first;
      // chained in the order the entries were sealed: the second committed, so sealed, first
      expect((await auditRows(database, tenant)).map((r) => [r.seq, r.requestId])).toEqual([
        [1, 'second'],
        [2, 'first'],
      ]);
      expect((await verifyAuditChain(database.db, tenant)).ok).toBe(true);
    },
  );

  it('stores text as PostgreSQL keeps it, so odd input still verifies', async () => {
    const tenant = '0e0e0e0e-0000-4000-8000-00000000000e';
    await database.transaction(
      (tx) =>
        recordAudit(
          tx,
          login(tenant, {
            metadata: { agent: 'bad\u0000byte \uD800 lone', nested: { 'k\u0000': [1.5, null, 1e21] } },
          }),
        ),
      { tenantId: tenant },
    );
    const [record] = await auditRows(database, tenant);
    expect(record?.metadata).toEqual({
      agent: 'bad\uFFFDbyte \uFFFD lone',
      nested: { 'k\uFFFD': [1.5, null, 1e21] },
    });
    expect((await verifyAuditChain(database.db, tenant)).ok).toBe(true);
  });

  it('accepts the platform chain and refuses malformed entries before touching the database', async () => {
    await database.transaction((tx) => recordAudit(tx, login(platformTenantId, { action: 'login_failed' })), {
      tenantId: platformTenantId,
    });
    expect((await auditRows(database, platformTenantId)).at(-1)).toMatchObject({ action: 'login_failed' });
    await expect(database.transaction((tx) => recordAudit(tx, login('not-a-uuid')))).rejects.toThrow(
      /tenantId/,
    );
    await expect(
      database.transaction((tx) => recordAudit(tx, login(tenantA, { action: 'Log In' }))),
    ).rejects.toThrow(/action/);
    await expect(
      database.transaction((tx) => recordAudit(tx, { ...login(tenantA), actor: { type: 'user', id: '' } })),
    ).rejects.toThrow(/actor/);
    await expect(database.transaction((tx) => recordAudit(tx, []))).resolves.toBeUndefined();
  });
});

describe('sealing', () => {
  it('seals entries a stopped node left pending, and verify counts them until then', async () => {
    const tenant = '1a1a1a1a-0000-4000-8000-00000000001a';
    await database.transaction((tx) => recordAudit(tx, login(tenant)), { tenantId: tenant });
    // as a node that committed and stopped before sealing would leave it
    await database.execute(
      `insert into prefiq.audit_pending (tenant_id, actor_type, actor, action, request_id)
       values ($1, 'system', 'system', 'login_failed', 'left-behind')`,
      [tenant],
    );
    expect((await verifyAuditChain(database.db, tenant)).tenants).toEqual([
      expect.objectContaining({ tenantId: tenant, rows: 1, pending: 1, problem: undefined }),
    ]);
    expect(await sealAuditLog(database)).toBe(1);
    expect((await verifyAuditChain(database.db, tenant)).tenants).toEqual([
      expect.objectContaining({ tenantId: tenant, rows: 2, pending: 0, problem: undefined }),
    ]);
    expect((await auditRows(database, tenant)).at(-1)).toMatchObject({ seq: 2, requestId: 'left-behind' });
  });

  it('lets no two sealers fork a chain', async () => {
    const tenant = '1b1b1b1b-0000-4000-8000-00000000001b';
    for (let i = 0; i < 30; i++) {
      await database.execute(
        `insert into prefiq.audit_pending (tenant_id, actor_type, actor, action, request_id)
         values ($1, 'system', 'system', 'login', $2)`,
        [tenant, `r${i}`],
      );
    }
    const sealed = await Promise.all(
      Array.from({ length: 4 }, () => sealAuditLog(database, { tenantId: tenant, batchSize: 7 })),
    );
    expect(sealed.reduce((a, b) => a + b, 0)).toBe(30);
    const rows = await auditRows(database, tenant);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect((await verifyAuditChain(database.db, tenant)).ok).toBe(true);
  });

  it('a forged seal is what verify names', async () => {
    const tenant = '1c1c1c1c-0000-4000-8000-00000000001c';
    await database.execute(
      `insert into prefiq.audit_pending (tenant_id, actor_type, actor, action) values ($1, 'system', 'system', 'login')`,
      [tenant],
    );
    const [row] = await database.execute<{ id: string }>(
      'select id::text as id from prefiq.audit_pending where tenant_id = $1',
      [tenant],
    );
    // someone moving the entry with a made-up hash instead of the sealer's
    await database.transaction((tx) =>
      tx.execute(
        sql`select prefiq.audit_seal(${JSON.stringify([{ id: Number(row?.id), seq: 1, prev_hash: genesisHash, hash: 'f'.repeat(64) }])}::jsonb)`,
      ),
    );
    expect((await verifyAuditChain(database.db, tenant)).problems).toEqual([
      expect.objectContaining({ tenantId: tenant, seq: 1, kind: 'altered' }),
    ]);
  });
});

describe('append-only in the database', () => {
  const code = (error: unknown) => pgErrorOf(error)?.code;

  it('refuses UPDATE, DELETE and TRUNCATE even to a superuser without the maintenance role', async () => {
    const tenant = '1d1d1d1d-0000-4000-8000-00000000001d';
    await database.execute(
      `insert into prefiq.audit_pending (tenant_id, actor_type, actor, action) values ($1, 'system', 'system', 'login')`,
      [tenant],
    );
    for (const statement of [
      sql`update prefiq.audit_log set actor = 'someone-else'`,
      sql`delete from prefiq.audit_log`,
      sql`truncate prefiq.audit_log`,
      // entries waiting for their seal leave only into the chain
      sql`update prefiq.audit_pending set actor = 'someone-else'`,
      sql`delete from prefiq.audit_pending`,
      // CASCADE: a plain TRUNCATE is refused before the trigger, for the failures that reference it
      sql`truncate prefiq.audit_pending cascade`,
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
    // the chain itself is the sealer's alone, and waiting entries are nobody's to read
    const forged = await asAppRole(database, tenantA, (tx) =>
      tx.execute(sql`insert into prefiq.audit_log (tenant_id, seq, at, actor_type, actor, action, prev_hash, hash)
        values (${tenantA}::uuid, 999, now(), 'system', 'system', 'login', ${genesisHash}, ${genesisHash})`),
    );
    expect(code(forged.error)).toBe('42501');
    const peek = await asAppRole(database, tenantA, (tx) =>
      tx.execute(sql`select * from prefiq.audit_pending`),
    );
    expect(code(peek.error)).toBe('42501');
    const sealing = await asAppRole(database, tenantA, (tx) =>
      tx.execute(sql`select * from prefiq.audit_take_pending(10)`),
    );
    expect(code(sealing.error)).toBe('42501');
    const visible = await asAppRole(database, tenantA, (tx) => auditCount(tx, tenantB));
    expect(visible.value).toBe(0);
    // row-level security: an entry for another tenant than the transaction's is refused
    const foreign = await asAppRole(database, tenantA, (tx) => recordAudit(tx, login(tenantB)));
    expect(String(foreign.error)).toMatch(/not in tenant/);
    expect((await verifyAuditChain(database.db, tenantA)).ok).toBe(true);
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
