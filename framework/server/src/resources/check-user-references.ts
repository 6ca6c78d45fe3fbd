import { escapePointerToken, type ValidationIssue } from '@codexion/schema';
import { sql } from 'drizzle-orm';
import type { Db } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import { validationFailed } from '../errors/domain-error.js';
import type { EntityPlan } from './entity-plan.js';
import type { ApiRecord } from './row-mapping.js';

/** One record of a write: what it would store, what it stored before (updates), where its issues go. */
export interface ReferencingRecord {
  record: Readonly<ApiRecord>;
  previous?: Readonly<ApiRecord> | undefined;
  /** `/items/3` in a bulk write */
  pathPrefix?: string;
}

function idsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/**
 * Checks the user ids a write sets (`x-codexion.ref: prefiq:user`) as references: each must be a
 * member of the tenant, like a relation must name a record of the tenant. Only ids the write
 * changes are checked, so a record still naming someone who has left the tenant can be edited
 * otherwise. One query per write, in the write's transaction.
 *
 * @throws {DomainError} `VALIDATION_FAILED` with `{ path: '/ownerId', code: 'reference' }` per unknown id
 *
 * @example
 * await checkUserReferences(tx, plan, tenantId, [{ record: { ownerId: someone } }]);
 */
export async function checkUserReferences(
  tx: Db,
  plan: EntityPlan,
  tenantId: string,
  records: readonly ReferencingRecord[],
): Promise<void> {
  if (plan.userRefs.length === 0) return;
  const wanted: { path: string; id: string }[] = [];
  for (const { record, previous, pathPrefix = '' } of records) {
    for (const field of plan.userRefs) {
      const before = new Set(idsOf(previous?.[field.name]));
      const value = record[field.name];
      const path = `${pathPrefix}/${escapePointerToken(field.name)}`;
      for (const [index, id] of idsOf(value).entries()) {
        if (before.has(id)) continue;
        wanted.push({ path: Array.isArray(value) ? `${path}/${index}` : path, id: id.toLowerCase() });
      }
    }
  }
  if (wanted.length === 0) return;
  const ids = [...new Set(wanted.map((w) => w.id))];
  // row-level security already limits memberships to the tenant, but a user also sees their own
  // memberships elsewhere: the tenant is named
  const rows = await executeRows<{ user_id: string }>(
    tx,
    sql`select user_id::text as user_id from prefiq.memberships
        where tenant_id = ${tenantId}::uuid
          and user_id in (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
  );
  const members = new Set(rows.map((row) => row.user_id.toLowerCase()));
  const issues: ValidationIssue[] = wanted
    .filter((w) => !members.has(w.id))
    .map((w) => ({ path: w.path, code: 'reference', message: 'refers to no member of this tenant' }));
  if (issues.length > 0) throw validationFailed(issues, 'The request refers to a user who is not a member');
}
