import { type SQL, sql } from 'drizzle-orm';
import type { Database, Db } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import type { AuditRecord } from './audit-entry.js';
import { readAuditLog } from './read-audit-log.js';

export const tenantA = '0a0a0a0a-0000-4000-8000-00000000000a';
export const tenantB = '0b0b0b0b-0000-4000-8000-00000000000b';
export const userA = '0c0c0c0c-0000-4000-8000-00000000000c';

/** Every audit row of a tenant, oldest first, as the API reads them. */
export async function auditRows(database: Database, tenantId: string): Promise<AuditRecord[]> {
  const page = await readAuditLog(database.db, tenantId, { pageSize: 10_000 });
  return page.items.reverse();
}

/** Runs statements as `prefiq_audit_maintenance`, the one role the append-only trigger lets through. */
export async function asMaintenance(database: Database, ...statements: SQL[]): Promise<void> {
  await database.transaction(async (tx) => {
    await tx.execute(sql`set local role prefiq_audit_maintenance`);
    for (const statement of statements) await tx.execute(statement);
  });
}

/**
 * Runs `work` as `prefiq_app` (a role that does not own the table, as the application connects) in
 * `tenantId`'s transaction context; returns its result or the error it threw.
 */
export async function asAppRole<T>(
  database: Database,
  tenantId: string,
  work: (tx: Db) => Promise<T>,
): Promise<{ value?: T; error?: unknown }> {
  try {
    const value = await database.transaction(
      async (tx) => {
        await tx.execute(sql`set local role prefiq_app`);
        return work(tx);
      },
      { tenantId },
    );
    return { value };
  } catch (error) {
    return { error };
  }
}

/** The number of audit rows of a tenant, read as the owner. */
export async function auditCount(db: Db, tenantId: string): Promise<number> {
  const [row] = await executeRows<{ n: string | number }>(
    db,
    sql`select count(*)::text as n from prefiq.audit_log where tenant_id = ${tenantId}::uuid`,
  );
  return Number(row?.n ?? 0);
}

/** The number of entries waiting for their seal, read as the owner. */
export async function pendingCount(db: Db): Promise<number> {
  const [row] = await executeRows<{ n: string | number }>(
    db,
    sql`select count(*)::text as n from prefiq.audit_pending`,
  );
  return Number(row?.n ?? 0);
}
