import { sql } from 'drizzle-orm';
import type { Db } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import { genesisHash } from './audit-entry.js';
import { auditHash, type StoredEntry, storedContent } from './audit-hash.js';

/**
 * The first thing wrong with a tenant's chain. `altered`: the row's content or hash is not what
 * was written (its hash does not match). `removed`: rows are missing before `seq` (a gap in the
 * sequence), or the row before `seq` is not the one `seq` was chained to (it was removed or
 * replaced, its hash rewritten).
 */
export interface AuditChainProblem {
  tenantId: string;
  seq: number;
  kind: 'altered' | 'removed';
  message: string;
}

export interface AuditChainReport {
  tenantId: string;
  /** rows checked, up to the first problem */
  rows: number;
  /** the last row checked (the chain's head when intact): anchor it elsewhere to detect truncation */
  head: { seq: number; hash: string } | undefined;
  problem: AuditChainProblem | undefined;
  /**
   * committed entries still waiting for their seal (`prefiq.audit_pending`), which the chain does
   * not cover yet: `sealAuditLog` first to verify them too
   */
  pending: number;
}

export interface AuditVerification {
  ok: boolean;
  /** one per tenant with audit rows (or the one asked for), by tenant id */
  tenants: AuditChainReport[];
  problems: AuditChainProblem[];
}

export interface VerifyAuditChainOptions {
  /** rows read per query */
  batchSize?: number;
}

type StoredRow = StoredEntry & { seq: string; prev_hash: string; hash: string };

async function readBatch(db: Db, tenantId: string, after: number, limit: number): Promise<StoredRow[]> {
  return executeRows<StoredRow>(
    db,
    // ordered by the column, not the text alias of the same name
    sql`select l.tenant_id::text as tenant_id, l.seq::text as seq, prefiq.audit_time(l.at) as at, l.actor_type,
               l.actor, l.action, l.entity, l.record_id, l.diff::text as diff, l.request_id,
               l.metadata::text as metadata, l.prev_hash, l.hash
          from prefiq.audit_log l
         where l.tenant_id = ${tenantId}::uuid and l.seq > ${after}
         order by l.seq
         limit ${limit}`,
  );
}

async function verifyTenant(
  db: Db,
  tenantId: string,
  batchSize: number,
  pending: number,
): Promise<AuditChainReport> {
  const report: AuditChainReport = { tenantId, rows: 0, head: undefined, problem: undefined, pending };
  let expected = 1;
  let prevHash = genesisHash;
  const fail = (seq: number, kind: AuditChainProblem['kind'], message: string): AuditChainReport => {
    report.problem = { tenantId, seq, kind, message };
    return report;
  };
  for (;;) {
    const rows = await readBatch(db, tenantId, expected - 1, batchSize);
    for (const row of rows) {
      const content = storedContent(row, Number(row.seq));
      const { seq } = content;
      if (seq !== expected) {
        const missing = seq - 1 === expected ? `row ${expected} is` : `rows ${expected} to ${seq - 1} are`;
        const jump = expected === 1 ? `starts at row ${seq}` : `jumps from row ${expected - 1} to ${seq}`;
        return fail(expected, 'removed', `${missing} missing: the chain ${jump}`);
      }
      let computed: string;
      try {
        computed = auditHash(row.prev_hash, content);
      } catch (error) {
        return fail(seq, 'altered', `row ${seq} cannot be serialized: ${(error as Error).message}`);
      }
      if (computed !== row.hash) {
        return fail(seq, 'altered', `row ${seq} was altered: its hash does not match its content`);
      }
      if (row.prev_hash !== prevHash) {
        const previous = seq === 1 ? 'the start of the chain' : `row ${seq - 1}`;
        return fail(
          seq,
          'removed',
          `row ${seq} does not follow ${previous}: the row it was chained to was removed (or replaced)`,
        );
      }
      prevHash = row.hash;
      report.rows += 1;
      report.head = { seq, hash: row.hash };
      expected += 1;
    }
    if (rows.length < batchSize) return report;
  }
}

/**
 * Walks each tenant's audit chain (or one tenant's) from its first row and reports, per tenant,
 * the first row that was altered (its hash does not match its canonical content) or removed (a
 * gap in `seq`, or a `prevHash` that is not the previous row's hash), and how many committed
 * entries still wait for their seal (not covered yet; `sealAuditLog` first to include them). Deleting a chain's newest
 * rows leaves no gap: compare `head` with a copy kept elsewhere to detect that. Needs to see every
 * row: run it as the table's owner or `prefiq_audit_maintenance`, not as a tenant-bound role.
 *
 * @throws {Error} when row-level security would hide rows from the current role
 *
 * @example
 * const result = await verifyAuditChain(database.db);
 * if (!result.ok) for (const p of result.problems) console.error(`${p.tenantId} #${p.seq}: ${p.message}`);
 */
export async function verifyAuditChain(
  db: Db,
  tenantId?: string,
  { batchSize = 1000 }: VerifyAuditChainOptions = {},
): Promise<AuditVerification> {
  const [access] = await executeRows<{ limited: boolean; role: string }>(
    db,
    sql`select row_security_active('prefiq.audit_log'::regclass) and not prefiq.audit_is_maintainer() as limited,
               current_user::text as role`,
  );
  if (access?.limited === true) {
    throw new Error(
      `role ${access.role} sees only some audit rows (row-level security): verify as the table's owner or prefiq_audit_maintenance`,
    );
  }
  const waiting = new Map(
    (
      await executeRows<{ tenant_id: string; n: string | number }>(
        db,
        sql`select tenant_id::text as tenant_id, count(*)::text as n from prefiq.audit_pending group by 1`,
      )
    ).map((row) => [row.tenant_id, Number(row.n)]),
  );
  const tenants =
    tenantId === undefined
      ? [
          ...new Set([
            ...(
              await executeRows<{ tenant_id: string }>(
                db,
                sql`select distinct tenant_id::text as tenant_id from prefiq.audit_log order by 1`,
              )
            ).map((row) => row.tenant_id),
            ...waiting.keys(),
          ]),
        ].sort()
      : [tenantId.toLowerCase()];
  const reports: AuditChainReport[] = [];
  for (const tenant of tenants) {
    reports.push(await verifyTenant(db, tenant, batchSize, waiting.get(tenant) ?? 0));
  }
  const problems = reports.flatMap((report) => (report.problem === undefined ? [] : [report.problem]));
  return { ok: problems.length === 0, tenants: reports, problems };
}
