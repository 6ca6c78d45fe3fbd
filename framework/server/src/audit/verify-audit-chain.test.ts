import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../data/database.js';
import { createTestDatabase, type TestDatabase } from '../data/test-database.js';
import { frameworkMigrations } from '../kernel/framework-migrations.js';
import type { AuditEntry } from './audit-entry.js';
import { auditHash } from './audit-hash.js';
import { asAppRole, asMaintenance, auditRows, userA } from './audit-rows.test-helper.js';
import { recordAudit } from './record-audit.js';
import { verifyAuditChain } from './verify-audit-chain.js';

let test: TestDatabase;
let database: Database;

beforeAll(async () => {
  test = await createTestDatabase({ migrations: frameworkMigrations });
  database = test.database;
});
afterAll(() => test?.dispose());

let tenantCounter = 0;

/** A fresh tenant with `rows` audit rows. */
async function chain(rows: number): Promise<string> {
  tenantCounter += 1;
  const tenantId = `2b2b2b2b-0000-4000-8000-${String(tenantCounter).padStart(12, '0')}`;
  const entries: AuditEntry[] = Array.from({ length: rows }, (_, i) => ({
    tenantId,
    actor: { type: 'user', id: userA },
    action: 'update',
    entity: 'sales.account',
    recordId: `r${i + 1}`,
    diff: { name: { before: `n${i}`, after: `n${i + 1}` } },
  }));
  await database.transaction((tx) => recordAudit(tx, entries), { tenantId });
  return tenantId;
}

const where = (tenantId: string, seq: number) => sql`tenant_id = ${tenantId}::uuid and seq = ${seq}`;

describe('verifyAuditChain', () => {
  it('passes intact chains and reports each head', async () => {
    const a = await chain(3);
    const b = await chain(1);
    const result = await verifyAuditChain(database.db);
    expect(result.ok).toBe(true);
    const rows = await auditRows(database, a);
    expect(result.tenants).toEqual(
      expect.arrayContaining([
        { tenantId: a, rows: 3, head: { seq: 3, hash: rows[2]?.hash }, problem: undefined, pending: 0 },
        expect.objectContaining({ tenantId: b, rows: 1 }),
      ]),
    );
    expect((await verifyAuditChain(database.db, b)).tenants).toHaveLength(1);
  });

  it('names the first altered row (content changed, hash kept)', async () => {
    const tenantId = await chain(5);
    await asMaintenance(
      database,
      sql`update prefiq.audit_log set diff = '{"name":{"before":"n1","after":"evil"}}' where ${where(tenantId, 2)}`,
      sql`update prefiq.audit_log set actor = 'someone' where ${where(tenantId, 4)}`,
    );
    const result = await verifyAuditChain(database.db, tenantId);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        tenantId,
        seq: 2,
        kind: 'altered',
        message: 'row 2 was altered: its hash does not match its content',
      },
    ]);
    expect(result.tenants[0]).toMatchObject({ rows: 1, head: { seq: 1 } });
  });

  it('catches a change below the millisecond and a changed time', async () => {
    const tenantId = await chain(2);
    await asMaintenance(
      database,
      sql`update prefiq.audit_log set at = at + interval '1 microsecond' where ${where(tenantId, 1)}`,
    );
    expect((await verifyAuditChain(database.db, tenantId)).problems[0]).toMatchObject({
      seq: 1,
      kind: 'altered',
    });
  });

  it('names a removed row by the gap it leaves', async () => {
    const tenantId = await chain(5);
    await asMaintenance(
      database,
      sql`delete from prefiq.audit_log where tenant_id = ${tenantId}::uuid and seq in (3, 4)`,
    );
    expect((await verifyAuditChain(database.db, tenantId)).problems).toEqual([
      {
        tenantId,
        seq: 3,
        kind: 'removed',
        message: 'rows 3 to 4 are missing: the chain jumps from row 2 to 5',
      },
    ]);
    const first = await chain(2);
    await asMaintenance(database, sql`delete from prefiq.audit_log where ${where(first, 1)}`);
    expect((await verifyAuditChain(database.db, first)).problems[0]).toMatchObject({
      seq: 1,
      kind: 'removed',
      message: 'row 1 is missing: the chain starts at row 2',
    });
  });

  it('names a row whose predecessor was replaced with a self-consistent forgery', async () => {
    const tenantId = await chain(4);
    const [, second] = await auditRows(database, tenantId);
    if (second === undefined) throw new Error('no row 2');
    // a forger who recomputes the row's own hash still breaks the link from row 3
    const { prevHash, hash: _old, ...content } = second;
    const forged = { ...content, recordId: 'forged' };
    await asMaintenance(
      database,
      sql`update prefiq.audit_log set record_id = 'forged', hash = ${auditHash(prevHash, forged)} where ${where(tenantId, 2)}`,
    );
    expect((await verifyAuditChain(database.db, tenantId)).problems).toEqual([
      {
        tenantId,
        seq: 3,
        kind: 'removed',
        message: 'row 3 does not follow row 2: the row it was chained to was removed (or replaced)',
      },
    ]);
  });

  it('refuses to run as a role that row-level security limits to one tenant', async () => {
    const tenantId = await chain(1);
    const { error } = await asAppRole(database, tenantId, (tx) => verifyAuditChain(tx));
    expect(String(error)).toMatch(/sees only some audit rows/);
    const asMaintainer = await database.transaction(async (tx) => {
      await tx.execute(sql`set local role prefiq_audit_maintenance`);
      return verifyAuditChain(tx, tenantId);
    });
    expect(asMaintainer.ok).toBe(true);
  });
});
