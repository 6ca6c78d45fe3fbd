import { isDeepStrictEqual } from 'node:util';
import type { PropertyAnnotations, ValidationIssue } from '@codexion/schema';
import { and, inArray, sql } from 'drizzle-orm';
import type { Db } from '../data/database.js';
import { DomainError, validationFailed } from '../errors/domain-error.js';
import { isNotFound, referenceIssue } from '../errors/request-issues.js';
import type { EntityPlan } from './entity-plan.js';
import { scopeConditions } from './read-records.js';
import type { EngineState, ResourceContext } from './resource-context.js';
import type { ApiRecord } from './row-mapping.js';

/** The engine operations a merge is made of, on any entity of the app, with the merge's context. */
export interface MergeSteps {
  get(entity: string, ctx: ResourceContext, id: string): Promise<ApiRecord>;
  update(
    entity: string,
    ctx: ResourceContext,
    id: string,
    patch: Record<string, unknown>,
  ): Promise<ApiRecord>;
  delete(entity: string, ctx: ResourceContext, id: string): Promise<void>;
}

export interface MergeOptions {
  /** where the duplicates' ids are in the request, for issue paths; `/duplicateIds` unless given */
  path?: string;
  /**
   * the app's own last word on the kept record's patch (what its schema's strategies cannot say,
   * such as a primary email and its others); gets the patch the strategies made
   */
  adjust?: (
    kept: ApiRecord,
    duplicates: readonly ApiRecord[],
    patch: Record<string, unknown>,
  ) => Record<string, unknown>;
}

export interface MergeResult {
  /** the kept record, merged */
  record: ApiRecord;
  /** the duplicates, now deleted (soft-deleted where the entity says so) */
  mergedIds: string[];
  /** records now pointing at the kept one instead of a duplicate, by entity */
  moved: Record<string, number>;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function unite(lists: readonly unknown[], key: string | undefined): unknown[] {
  const seen = new Set<string>();
  const united: unknown[] = [];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const k = JSON.stringify(
        key !== undefined && typeof item === 'object' && item !== null
          ? (item as Record<string, unknown>)[key]
          : item,
      );
      if (seen.has(k)) continue;
      seen.add(k);
      united.push(item);
    }
  }
  return united;
}

/**
 * What the kept record takes from its duplicates, by each property's `x-codexion.merge`: `fill`
 * an empty value from the first duplicate that has one (the order given), `union` the items of
 * arrays (the kept record's first, each once, by `mergeKey` for objects), `keep` (the default)
 * nothing. Custom fields: the kept record's, plus those only a duplicate has. Only changes.
 *
 * @example
 * mergePatch(plan, { phone: null, tagIds: [a] }, [{ phone: '+49…', tagIds: [b] }]) // { phone: '+49…', tagIds: [a, b] }
 */
export function mergePatch(
  plan: EntityPlan,
  kept: ApiRecord,
  duplicates: readonly ApiRecord[],
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const field of plan.authorFields) {
    const annotations = field.schema['x-codexion'] as PropertyAnnotations | undefined;
    const strategy = annotations?.merge ?? 'keep';
    if (strategy === 'fill' && isEmpty(kept[field.name])) {
      const found = duplicates.find((duplicate) => !isEmpty(duplicate[field.name]));
      if (found !== undefined) patch[field.name] = found[field.name];
    } else if (strategy === 'union') {
      const united = unite(
        [kept, ...duplicates].map((record) => record[field.name]),
        annotations?.mergeKey,
      );
      // nothing to unite leaves an absent list absent
      if (united.length > 0 || !isEmpty(kept[field.name])) patch[field.name] = united;
    }
  }
  if (plan.fields.has('custom')) {
    const custom: Record<string, unknown> = {};
    for (const record of [...duplicates].reverse()) Object.assign(custom, record.custom);
    const merged = { ...custom, ...(kept.custom as Record<string, unknown> | undefined) };
    if (Object.keys(merged).length > 0 || !isEmpty(kept.custom)) patch.custom = merged;
  }
  return Object.fromEntries(
    Object.entries(patch).filter(([name, value]) => !isDeepStrictEqual(kept[name], value)),
  );
}

/** The ids of the live records of `other` whose `field` names one of `ids`. */
async function referring(
  tx: Db,
  other: EntityPlan,
  field: string,
  tenantId: string,
  ids: readonly string[],
): Promise<string[]> {
  const column = other.fields.get(field)?.column;
  if (column === undefined) return [];
  const rows = await tx
    .select({ id: other.id.column })
    .from(other.table)
    .where(and(inArray(column, [...ids]), ...scopeConditions(other, tenantId)))
    .orderBy(sql`${other.id.column}`);
  return rows.map((row) => String(row.id));
}

/**
 * Folds duplicates into a kept record in one transaction, losing nothing: every live record of the
 * app that refers to a duplicate (a relation, `x-codexion.ref`) is pointed at the kept one; the
 * duplicates are deleted (soft where the entity says so: restorable, audited); then the kept
 * record takes what its schema's merge strategies say ({@link mergePatch}). Every write is an
 * engine write (rules, hooks, audit, policies of the caller). Duplicates are read as the caller
 * may read them: another tenant's id is refused like a missing one.
 *
 * @throws {DomainError} 404 no such kept record; 422 `MERGE_INTO_SELF` when the kept record is among
 *   the duplicates, `VALIDATION_FAILED` with `{ path: '/duplicateIds/1', code: 'reference' }` per unknown id
 *
 * @example
 * const { record, moved } = await ctx.resources('person').merge(keptId, duplicateIds, { path: '/body/duplicateIds' });
 */
export async function mergeRecords(
  state: EngineState,
  plan: EntityPlan,
  steps: MergeSteps,
  context: ResourceContext,
  keptId: string,
  duplicateIds: readonly string[],
  { path = '/duplicateIds', adjust }: MergeOptions = {},
): Promise<MergeResult> {
  const work = async (ctx: ResourceContext & { tx: Db }): Promise<MergeResult> => {
    const name = plan.entity.name;
    const kept = await steps.get(name, ctx, keptId);
    const duplicates: ApiRecord[] = [];
    const issues: ValidationIssue[] = [];
    let self = false;
    for (const [i, id] of duplicateIds.entries()) {
      const at = `${path}/${i}`;
      if (id.toLowerCase() === String(kept.id).toLowerCase()) {
        self = true;
        issues.push({
          path: at,
          code: 'self',
          message: `is the ${name} kept; it cannot be its own duplicate`,
        });
        continue;
      }
      try {
        duplicates.push(await steps.get(name, ctx, id));
      } catch (error) {
        if (!isNotFound(error)) throw error;
        issues.push(referenceIssue(at, name));
      }
    }
    if (self) throw new DomainError('MERGE_INTO_SELF', `A ${name} cannot be merged into itself`, { issues });
    if (issues.length > 0)
      throw validationFailed(issues, `Some duplicates are not ${name} records of this tenant`);
    const mergedIds = duplicates.map((duplicate) => String(duplicate.id));
    const moved: Record<string, number> = {};
    if (mergedIds.length > 0) {
      for (const other of state.plans.values()) {
        for (const relation of other.relations.values()) {
          if (relation.target !== name) continue;
          const ids = await referring(ctx.tx, other, relation.field, ctx.tenantId, mergedIds);
          for (const id of ids) await steps.update(other.entity.name, ctx, id, { [relation.field]: kept.id });
          moved[other.entity.name] = (moved[other.entity.name] ?? 0) + ids.length;
        }
      }
    }
    // deleted first: what they hold unique (a domain) is free for the kept record to take
    for (const id of mergedIds) await steps.delete(name, ctx, id);
    const strategies = mergePatch(plan, kept, duplicates);
    const patch = adjust === undefined ? strategies : adjust(kept, duplicates, strategies);
    const record =
      Object.keys(patch).length === 0 ? kept : await steps.update(name, ctx, String(kept.id), patch);
    return { record, mergedIds, moved };
  };
  const { tx } = context;
  if (tx !== undefined) return work({ ...context, tx });
  return state.database.transaction((joined) => work({ ...context, tx: joined }), {
    tenantId: context.tenantId,
    ...(context.userId === undefined ? {} : { userId: context.userId }),
  });
}
