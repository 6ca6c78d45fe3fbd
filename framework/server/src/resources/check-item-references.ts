import { escapePointerToken, type ValidationIssue } from '@codexion/schema';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../data/database.js';
import { validationFailed } from '../errors/domain-error.js';
import { referenceIssue, unknownReferenceMessage } from '../errors/request-issues.js';
import type { ReferencingRecord } from './check-user-references.js';
import type { EntityPlan } from './entity-plan.js';
import { scopeConditions } from './read-records.js';
import type { EngineState } from './resource-context.js';

function idsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Checks the ids an array holds (`items.x-codexion.ref: tag`) as a foreign key checks a single
 * reference: each must name a live record of the tenant. Only ids the write adds are checked, so a
 * record can be edited otherwise; one query per referenced entity, in the write's transaction.
 *
 * @throws {DomainError} `VALIDATION_FAILED` with `{ path: '/tagIds/2', code: 'reference' }` per unknown id
 *
 * @example
 * await checkItemReferences(tx, state, plan, tenantId, [{ record: { tagIds: [a, b] } }]);
 */
export async function checkItemReferences(
  tx: Db,
  state: EngineState,
  plan: EntityPlan,
  tenantId: string,
  records: readonly ReferencingRecord[],
): Promise<void> {
  if (plan.itemRefs.length === 0) return;
  const issues: ValidationIssue[] = [];
  for (const { field, target } of plan.itemRefs) {
    const targetPlan = state.plans.get(target);
    if (targetPlan === undefined) continue;
    const wanted: { path: string; id: string }[] = [];
    for (const { record, previous, pathPrefix = '' } of records) {
      const before = new Set(idsOf(previous?.[field.name]).map((id) => id.toLowerCase()));
      for (const [index, id] of idsOf(record[field.name]).entries()) {
        if (before.has(id.toLowerCase())) continue;
        wanted.push({
          path: `${pathPrefix}/${escapePointerToken(field.name)}/${index}`,
          id: id.toLowerCase(),
        });
      }
    }
    if (wanted.length === 0) continue;
    const rows = await tx
      .select({ id: targetPlan.id.column })
      .from(targetPlan.table)
      .where(
        and(
          inArray(targetPlan.id.column, [...new Set(wanted.map((w) => w.id))]),
          ...scopeConditions(targetPlan, tenantId),
        ),
      );
    const known = new Set(rows.map((row) => String(row.id).toLowerCase()));
    for (const w of wanted) if (!known.has(w.id)) issues.push(referenceIssue(w.path, target));
  }
  if (issues.length > 0) throw validationFailed(issues, unknownReferenceMessage);
}

/**
 * Takes a deleted record's id out of every array that refers to its entity, in every record of the
 * tenant (soft-deleted ones too, so a restore brings back no dangling id); each changed record
 * gets a new version, so a client holding the old ETag re-reads before it writes. Returns how many
 * records changed, by entity.
 *
 * @example
 * await removeItemReferences(tx, state, tagPlan, tenantId, tag.id, userId); // { company: 3, person: 10 }
 */
export async function removeItemReferences(
  tx: Db,
  state: EngineState,
  plan: EntityPlan,
  tenantId: string,
  id: string,
  userId: string | undefined,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const other of state.plans.values()) {
    for (const { field, target } of other.itemRefs) {
      if (target !== plan.entity.name) continue;
      const column = field.column;
      const holds: SQL = sql`${column} @> ${JSON.stringify([id])}::jsonb`;
      const changed = await tx
        .update(other.table)
        .set({
          [field.name]: sql`${column} - ${id}::text`,
          version: sql`${other.version.column} + 1`,
          updatedAt: sql`date_trunc('milliseconds', now())`,
          updatedBy: userId ?? null,
        } as never)
        .where(and(eq(other.tenantId.column, tenantId), holds))
        .returning({ id: other.id.column });
      counts[other.entity.name] = (counts[other.entity.name] ?? 0) + changed.length;
    }
  }
  return counts;
}
