import type { Database } from '../data/database.js';

/**
 * Metadata PostgreSQL stores (jsonb keeps numbers exactly) that no JavaScript number can hold: it
 * reads back as `Infinity`, which canonical JSON refuses, so the entry's hash cannot be computed.
 * An entry that cannot be sealed, whatever let it in.
 */
export const unsealableMetadata = '{"n": 1e400}';

/**
 * Puts an entry straight into `prefiq.audit_pending`, as the owner (as a node that committed it
 * and stopped, or a path that skipped `recordAudit`'s checks, would leave it); returns its id.
 */
export async function plantPending(
  database: Database,
  tenantId: string,
  requestId: string,
  metadata: string | null = null,
): Promise<number> {
  const [row] = await database.execute<{ id: string }>(
    `insert into prefiq.audit_pending (tenant_id, actor_type, actor, action, request_id, metadata)
     values ($1, 'system', 'system', 'login', $2, $3::jsonb) returning id::text as id`,
    [tenantId, requestId, metadata],
  );
  if (row === undefined) throw new Error('plantPending: no row');
  return Number(row.id);
}
