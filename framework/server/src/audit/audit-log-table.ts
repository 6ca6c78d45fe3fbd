import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const prefiq = pgSchema('prefiq');

/** What an entry says (without its time and place in the chain), as both tables keep it: fresh builders per table. */
function entryColumns() {
  return {
    actorType: text('actor_type').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity'),
    recordId: text('record_id'),
    diff: jsonb('diff'),
    requestId: text('request_id'),
    metadata: jsonb('metadata'),
  };
}

/**
 * The audit log's table, `prefiq.audit_log`, as drizzle sees it. It is created (with its roles,
 * grants, append-only trigger and row-level security) by the hand-written migration
 * `migrations/audit/0000_audit.sql`; this definition must match it. Only the sealer writes it
 * (`sealAuditLog`), from {@link auditPending}.
 */
export const auditLog = prefiq.table(
  'audit_log',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** position in the tenant's chain: 1, 2, 3, … without gaps */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    ...entryColumns(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ name: 'audit_log_pkey', columns: [t.tenantId, t.seq] }),
    index('audit_log_record_idx').on(t.tenantId, t.entity, t.recordId, t.seq),
    index('audit_log_actor_idx').on(t.tenantId, t.actor, t.seq),
    index('audit_log_at_idx').on(t.tenantId, t.at),
  ],
);

/**
 * `prefiq.audit_pending`: entries appended by `recordAudit` in the transaction of the change, not
 * yet in their tenant's chain (`migrations/audit/0001_audit_sealing.sql`; this must match it).
 * `id` orders them; `at` is the writing transaction's time.
 */
export const auditPending = prefiq.table('audit_pending', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  tenantId: uuid('tenant_id').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'string' })
    .notNull()
    .default(sql`date_trunc('milliseconds', now())`),
  ...entryColumns(),
});
