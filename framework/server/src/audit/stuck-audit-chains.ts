import { sql } from 'drizzle-orm';
import type { Db } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';

/** A tenant's chain that waits at an entry the sealer could not seal (`prefiq.audit_seal_failure`). */
export interface StuckAuditChain {
  tenantId: string;
  /** the entry it waits at: `prefiq.audit_pending.id`, what `prefiq.audit_set_aside` takes */
  pendingId: number;
  /** the tenant's entries not sealed: this one and every one behind it */
  waiting: number;
  /** when it first failed (ISO 8601 UTC, milliseconds) */
  since: string;
  lastFailedAt: string;
  /** the sealer tries it again from then on */
  retryAt: string;
  attempts: number;
  /** the column and the rule it broke, never the content: e.g. `metadata: canonicalJson: Infinity is not a JSON number` */
  error: string;
}

type Row = {
  tenant_id: string;
  pending_id: string;
  waiting: string;
  since: string;
  last_failed_at: string;
  retry_at: string;
  attempts: string;
  error: string;
};

/**
 * The chains that cannot seal, each with the entry it waits at and why; every tenant's, or one
 * tenant's. Oldest first. Reads `prefiq.audit_seal_failure` and `prefiq.audit_pending`: run it as
 * their owner (the connecting role) or `prefiq_audit_maintenance`. Empty while every chain seals.
 *
 * @example
 * for (const chain of await stuckAuditChains(database.db))
 *   console.error(`${chain.tenantId}: ${chain.waiting} entries wait since ${chain.since}: ${chain.error}`);
 */
export async function stuckAuditChains(db: Db, tenantId?: string): Promise<StuckAuditChain[]> {
  const rows = await executeRows<Row>(
    db,
    sql`select f.tenant_id::text as tenant_id, f.pending_id::text as pending_id,
               (select count(*) from prefiq.audit_pending p where p.tenant_id = f.tenant_id)::text as waiting,
               prefiq.audit_time(f.first_failed_at) as since, prefiq.audit_time(f.last_failed_at) as last_failed_at,
               prefiq.audit_time(f.retry_at) as retry_at, f.attempts::text as attempts, f.error
          from prefiq.audit_seal_failure f
         where ${tenantId?.toLowerCase() ?? null}::uuid is null or f.tenant_id = ${tenantId?.toLowerCase() ?? null}::uuid
         order by f.first_failed_at, f.pending_id`,
  );
  return rows.map((row) => ({
    tenantId: row.tenant_id,
    pendingId: Number(row.pending_id),
    waiting: Number(row.waiting),
    since: row.since,
    lastFailedAt: row.last_failed_at,
    retryAt: row.retry_at,
    attempts: Number(row.attempts),
    error: row.error,
  }));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * One line about the stuck chains for `/readyz` and logs: tenants (ids only), entries waiting,
 * since when, attempts and why; the first five chains, then how many more.
 *
 * @example
 * describeStuckAuditChains(await stuckAuditChains(db))
 * // '1 audit chain cannot seal: tenant 5a5a…: 2 entries waiting since 2026-…Z (1 attempt): metadata: …'
 */
export function describeStuckAuditChains(chains: readonly StuckAuditChain[]): string {
  const shown = chains
    .slice(0, 5)
    .map(
      (chain) =>
        `tenant ${chain.tenantId}: ${plural(chain.waiting, 'entry', 'entries')} waiting since ${chain.since} (${plural(chain.attempts, 'attempt', 'attempts')}): ${chain.error}`,
    );
  const more = chains.length > shown.length ? `; and ${chains.length - shown.length} more` : '';
  return `${plural(chains.length, 'audit chain cannot', 'audit chains cannot')} seal: ${shown.join('; ')}${more}`;
}
