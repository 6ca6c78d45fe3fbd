import { type ActionContext, isNotFound, type RecordOf, validationFailed } from '@codexion/framework';
import type { ValidationIssue } from '@codexion/schema';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { CrmContract } from '../../core/generated/contract.js';
import { crm } from '../crm.js';

/**
 * The duplicates to fold into `kept`, read through the engine (so only live records of the
 * tenant count), each problem reported at its place in the body: the kept record itself
 * (`MERGE_INTO_SELF`), or an id that names no live record of the tenant (`reference`).
 *
 * @throws {DomainError} 422 with one issue per bad id at `/body/duplicateIds/<i>`
 */
export async function readDuplicates<E extends 'person' | 'company'>(
  ctx: ActionContext,
  entity: E,
  kept: { id: string },
  duplicateIds: readonly string[],
): Promise<RecordOf<CrmContract, E>[]> {
  const resource = crm.resource(ctx, entity);
  const duplicates: RecordOf<CrmContract, E>[] = [];
  const issues: ValidationIssue[] = [];
  let self = false;
  for (const [i, id] of duplicateIds.entries()) {
    const path = `/body/duplicateIds/${i}`;
    if (id.toLowerCase() === kept.id) {
      self = true;
      issues.push({ path, code: 'self', message: `is the ${entity} kept; it cannot be its own duplicate` });
      continue;
    }
    try {
      duplicates.push(await resource.get(id));
    } catch (error) {
      if (!isNotFound(error)) throw error;
      issues.push({ path, code: 'reference', message: `refers to no ${entity} of this tenant` });
    }
  }
  if (self) throw crm.error('MERGE_INTO_SELF', `A ${entity} cannot be merged into itself`, { issues });
  if (issues.length > 0)
    throw validationFailed(issues, `Some duplicates are not ${entity} records of this tenant`);
  return duplicates;
}

/** A reference to repoint: the entity, its table and the column holding the reference. */
export interface Reference {
  entity: 'person' | 'deal' | 'activity';
  table: PgTable & { id: PgColumn; tenantId: PgColumn; deletedAt: PgColumn };
  field: string;
  column: PgColumn;
}

/**
 * Points the live records that refer to any of `fromIds` at `toId`, each through the engine (a
 * new version, its rules and hooks, as if a user had edited it). Soft-deleted records keep their
 * reference: they point at duplicates that are soft-deleted too, so restoring both brings the
 * pair back as it was. Returns how many records moved.
 */
export async function repoint(
  ctx: ActionContext,
  { entity, table, field, column }: Reference,
  fromIds: readonly string[],
  toId: string,
): Promise<number> {
  if (fromIds.length === 0) return 0;
  const rows = (await ctx.tx
    .select({ id: table.id })
    .from(table)
    .where(
      and(eq(table.tenantId, ctx.tenantId), inArray(column, [...fromIds]), isNull(table.deletedAt)),
    )) as {
    id: string;
  }[];
  const resource = ctx.resources(entity);
  for (const { id } of rows) await resource.update(id, { [field]: toId });
  return rows.length;
}
