import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { and, eq, isNull, max, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Db } from '../data/database.js';
import { insertRows } from '../data/insert-statement.js';
import { keyValues, pgErrorOf } from '../data/pg-error.js';
import { servicesInTransaction } from '../data/services-in-transaction.js';
import { DomainError, validationFailed } from '../errors/domain-error.js';
import { assignDocumentNumber } from './assign-document-number.js';
import { checkItemReferences, removeItemReferences } from './check-item-references.js';
import { checkRecordLock } from './check-record-lock.js';
import { checkTransition } from './check-transition.js';
import { checkUserReferences } from './check-user-references.js';
import type { EntityPlan } from './entity-plan.js';
import { ifMatchHolds } from './etag.js';
import { mapWriteError, type WriteKind } from './map-write-error.js';
import { applyMergePatch } from './merge-patch.js';
import { prepareInput } from './prepare-input.js';
import { rankBetween } from './rank-keys.js';
import { isId, notFound, scopeConditions } from './read-records.js';
import { checkPolicy } from './record-access.js';
import { resourceAuditEntries } from './resource-audit.js';
import { type EngineState, type ResourceContext, ruleContext } from './resource-context.js';
import type { HookContext, ResourceHooks } from './resource-hooks.js';
import { type ApiRecord, toApiRecord, toColumnValues } from './row-mapping.js';
import {
  checkRules,
  checkWritableInput,
  validateRecord,
  withDefaults,
  writablePart,
} from './write-checks.js';

/** Timestamps are stored to the millisecond: exactly what the API shows and filters compare. */
const nowMs = sql`date_trunc('milliseconds', now())`;

/** Options of writes to an existing record. */
export interface WriteOptions {
  /** the request's `If-Match`: a stale tag fails with 412 */
  ifMatch?: string | undefined;
}

function hooksOf(state: EngineState, plan: EntityPlan): ResourceHooks {
  return state.hooks[plan.entity.name] ?? {};
}

/** Work hooks `defer`red, run after the write's audit entry (events, mostly). */
type Deferred = (() => Promise<void> | void)[];

function hookContext(
  state: EngineState,
  tx: Db,
  ctx: ResourceContext,
  plan: EntityPlan,
  deferred: Deferred,
): HookContext {
  return {
    tx,
    tenantId: ctx.tenantId,
    userId: ctx.userId,
    requestId: ctx.requestId,
    logger: ctx.logger,
    services: servicesInTransaction(state.services, { tx, tenantId: ctx.tenantId, userId: ctx.userId }),
    entity: plan.entity,
    defer: (work) => {
      deferred.push(work);
    },
  };
}

async function runDeferred(deferred: Deferred): Promise<void> {
  for (const work of deferred.splice(0)) await work();
}

/** Runs a write in one transaction with the tenant and user set; maps database errors. */
async function inTransaction<T>(
  state: EngineState,
  plan: EntityPlan,
  ctx: ResourceContext,
  kind: WriteKind,
  work: (tx: Db) => Promise<T>,
  pathPrefix?: (error: unknown) => string,
): Promise<T> {
  try {
    // inside a caller's transaction (an action), join it: the caller commits or rolls back
    if (ctx.tx !== undefined) return await work(ctx.tx);
    return await state.database.transaction(work, {
      tenantId: ctx.tenantId,
      ...(ctx.userId === undefined ? {} : { userId: ctx.userId }),
    });
  } catch (error) {
    throw mapWriteError(plan, error, kind, pathPrefix?.(error) ?? '');
  }
}

/**
 * The `before*` phase on a validated, rule-checked record: a record the hook changes is kept to
 * what a write may set (hooks cannot forge system fields) and validated and rule-checked again,
 * so nothing invalid is stored.
 */
async function beforeWrite(
  state: EngineState,
  plan: EntityPlan,
  record: ApiRecord,
  hook: ((record: ApiRecord) => Promise<Record<string, unknown> | undefined>) | undefined,
  checks: (record: ApiRecord) => void,
  pathPrefix = '',
): Promise<ApiRecord> {
  const changed = hook === undefined ? undefined : await hook({ ...record });
  if (changed === undefined) return record;
  const next = writablePart(plan, changed);
  if (isDeepStrictEqual(next, record)) return record;
  validateRecord(plan, state.validators, next, pathPrefix);
  checks(next);
  return next;
}

/** The row, locked for the rest of the transaction, or 404. */
async function lockRow(
  tx: Db,
  plan: EntityPlan,
  ctx: ResourceContext,
  id: string,
  deleted: 'exclude' | 'include' = 'exclude',
): Promise<ApiRecord> {
  if (!isId(id)) throw notFound(plan, id);
  const rows = (await tx
    .select()
    .from(plan.table)
    .where(and(eq(plan.id.column, id), ...scopeConditions(plan, ctx.tenantId, deleted)))
    .for('update')) as Record<string, unknown>[];
  const row = rows[0];
  if (row === undefined) throw notFound(plan, id);
  return toApiRecord(plan, row);
}

function checkIfMatch(plan: EntityPlan, record: ApiRecord, ifMatch: string | undefined): void {
  if (!ifMatchHolds(ifMatch, String(record.id), Number(record.version))) {
    throw new DomainError(
      'PRECONDITION_FAILED',
      `The ${plan.entity.typeName} changed since you read it (now version ${String(record.version)})`,
      {
        extensions: { currentVersion: record.version },
      },
    );
  }
}

async function updateRow(
  tx: Db,
  plan: EntityPlan,
  ctx: ResourceContext,
  id: string,
  set: Record<string, unknown>,
): Promise<ApiRecord> {
  const rows = (await tx
    .update(plan.table)
    .set({
      ...set,
      version: sql`${plan.version.column} + 1`,
      updatedAt: nowMs,
      updatedBy: ctx.userId ?? null,
    } as never)
    .where(and(eq(plan.id.column, id), eq(plan.tenantId.column, ctx.tenantId)))
    .returning()) as Record<string, unknown>[];
  const row = rows[0];
  if (row === undefined) throw notFound(plan, id);
  return toApiRecord(plan, row);
}

/**
 * The record with its rank (`x-codexion.rank`) after the last of its group: the live records
 * sharing its `groupBy` values, and those ranked earlier in the same write (`assigned`, by group).
 */
async function rankedLast(
  tx: Db,
  plan: EntityPlan,
  tenantId: string,
  record: ApiRecord,
  assigned: Map<string, string>,
): Promise<ApiRecord> {
  const rank = plan.rank;
  if (rank === undefined) return record;
  const values = rank.groupBy.map((field) => record[field.name] ?? null);
  const group = JSON.stringify(values);
  let last = assigned.get(group);
  if (last === undefined) {
    const conditions: SQL[] = [eq(plan.tenantId.column, tenantId)];
    for (const [i, field] of rank.groupBy.entries()) {
      const value = values[i];
      conditions.push(value === null ? isNull(field.column) : eq(field.column, value));
    }
    if (plan.deletedAt !== undefined) conditions.push(isNull(plan.deletedAt.column));
    const [row] = await tx
      .select({ last: max(rank.field.column) })
      .from(plan.table)
      .where(and(...conditions));
    last = typeof row?.last === 'string' ? row.last : undefined;
  }
  const next = rankBetween(last, null, `/${rank.field.name}`);
  assigned.set(group, next);
  return { ...record, [rank.field.name]: next };
}

/**
 * Creates records in one transaction, all or nothing: each body checked (read-only and unknown
 * fields), given its defaults, `prepare`d, validated, checked against the rules, passed through
 * `beforeCreate`, then inserted in one statement; `afterCreate` runs per record in the same
 * transaction, then the audit entries, then the work hooks deferred. Issue paths are prefixed with
 * `/items/<i>` when `bulk`.
 */
export async function createRecords(
  state: EngineState,
  plan: EntityPlan,
  ctx: ResourceContext,
  inputs: readonly unknown[],
  { bulk = false }: { bulk?: boolean } = {},
): Promise<ApiRecord[]> {
  const prefix = (i: number) => (bulk ? `/items/${i}` : '');
  const serverWrite = { serverWrite: ctx.serverWrite };
  const bodies = inputs.map((input, i) =>
    withDefaults(plan, checkWritableInput(plan, input, prefix(i), serverWrite)),
  );
  const hooks = hooksOf(state, plan);
  const records: ApiRecord[] = [];
  return inTransaction(
    state,
    plan,
    ctx,
    'create',
    async (tx) => {
      const deferred: Deferred = [];
      const hookCtx = hookContext(state, tx, ctx, plan, deferred);
      const values: Record<string, unknown>[] = [];
      const ranked = new Map<string, string>();
      for (const [i, body] of bodies.entries()) {
        const id = randomUUID();
        const system = {
          id,
          tenantId: ctx.tenantId,
          version: 1,
          createdBy: ctx.userId ?? null,
          updatedBy: ctx.userId ?? null,
        };
        const checks = (next: ApiRecord) =>
          checkRules(plan, { ...next, ...system }, ruleContext(ctx), prefix(i));
        const prepared = await prepareInput(hooks, hookCtx, plan, state.validators, body, undefined);
        validateRecord(plan, state.validators, prepared, prefix(i));
        checks(prepared);
        const before = hooks.beforeCreate;
        const hook = before && ((r: ApiRecord) => Promise.resolve(before(hookCtx, r)));
        const written = await beforeWrite(state, plan, prepared, hook, checks, prefix(i));
        const unranked = plan.rank !== undefined && (written[plan.rank.field.name] ?? null) === null;
        const record = unranked ? await rankedLast(tx, plan, ctx.tenantId, written, ranked) : written;
        checkPolicy(state, plan, ctx, 'create', { ...record, ...system });
        records.push(record);
        values.push({ ...toColumnValues(plan, record), ...system, createdAt: nowMs, updatedAt: nowMs });
      }
      const referencing = records.map((record, i) => ({ record, pathPrefix: prefix(i) }));
      await checkUserReferences(tx, plan, ctx.tenantId, referencing);
      await checkItemReferences(tx, state, plan, ctx.tenantId, referencing);
      const rows = await insertRows(tx, plan.table, values, { returning: true });
      // RETURNING gives rows in VALUES order for a plain INSERT; match by id all the same
      const byId = new Map(rows.map((row) => [String(row[plan.id.name]), row]));
      const created = values.map((v) => toApiRecord(plan, byId.get(String(v.id)) ?? {}));
      if (hooks.afterCreate) for (const record of created) await hooks.afterCreate(hookCtx, record);
      // audited last: the tenant's audit lock is then held only until commit
      const changes = created.map((after) => ({ after }));
      await recordAudit(tx, resourceAuditEntries(state, plan, ctx, 'create', changes));
      await runDeferred(deferred);
      return created;
    },
    (error) => (bulk ? offendingItem(plan, records, error) : ''),
  );
}

/**
 * `/items/<i>` of the bulk item a unique or foreign key violation is about, found by comparing
 * the key values of the error's detail with each item's (they are only compared, never shown).
 */
function offendingItem(plan: EntityPlan, records: readonly ApiRecord[], error: unknown): string {
  const key = keyValues(pgErrorOf(error)?.detail);
  const compared = Object.entries(key).flatMap(([column, value]) => {
    const field = plan.byColumn.get(column);
    return field === undefined || field.name === 'tenantId' ? [] : [[field.name, value] as const];
  });
  if (compared.length === 0) return '/items';
  const index = records.findIndex((record) =>
    compared.every(
      ([name, value]) =>
        record[name] !== undefined && record[name] !== null && String(record[name]) === value,
    ),
  );
  return index === -1 ? '/items' : `/items/${index}`;
}

/**
 * The write steps shared by update and transition: prepare, schema, rules, `beforeUpdate`, store,
 * `afterUpdate`. The caller audits, then runs `deferred`.
 */
async function storeChange(
  state: EngineState,
  plan: EntityPlan,
  ctx: ResourceContext,
  tx: Db,
  previous: ApiRecord,
  next: ApiRecord,
  deferred: Deferred,
): Promise<ApiRecord> {
  const hooks = hooksOf(state, plan);
  const hookCtx = hookContext(state, tx, ctx, plan, deferred);
  const prepared = await prepareInput(hooks, hookCtx, plan, state.validators, next, previous);
  const unchanged = (record: ApiRecord) => isDeepStrictEqual(record, writablePart(plan, previous));
  // nothing changes: no write, no new version (and no before hook: there is nothing to check)
  if (unchanged(prepared)) return previous;
  validateRecord(plan, state.validators, prepared);
  const system = Object.fromEntries(
    Object.entries(previous).filter(([name]) => {
      const field = plan.fields.get(name);
      return field?.system === true && field.readOnly;
    }),
  );
  const checks = (record: ApiRecord) =>
    checkRules(plan, { ...record, ...system, updatedBy: ctx.userId ?? null }, ruleContext(ctx, previous));
  checks(prepared);
  const before = hooks.beforeUpdate;
  const written = await beforeWrite(
    state,
    plan,
    prepared,
    before && ((r) => Promise.resolve(before(hookCtx, r, previous))),
    checks,
  );
  if (unchanged(written)) return previous;
  // a record changing group goes last in its new one, unless the write ranks it
  let record = written;
  const rank = plan.rank;
  if (rank !== undefined) {
    const regrouped = rank.groupBy.some((f) => !isDeepStrictEqual(written[f.name], previous[f.name]));
    const sameRank = isDeepStrictEqual(written[rank.field.name], previous[rank.field.name]);
    if (regrouped && sameRank) record = await rankedLast(tx, plan, ctx.tenantId, written, new Map());
  }
  // the record as it would be must stay within what the caller may write
  checkPolicy(state, plan, ctx, 'update', { ...record, ...system });
  await checkUserReferences(tx, plan, ctx.tenantId, [{ record, previous }]);
  await checkItemReferences(tx, state, plan, ctx.tenantId, [{ record, previous }]);
  const updated = await updateRow(tx, plan, ctx, String(previous.id), toColumnValues(plan, record));
  await hooks.afterUpdate?.(hookCtx, updated, previous);
  return updated;
}

/**
 * Applies a JSON Merge Patch to a record under `If-Match`. The workflow field does not change
 * here: a patch that would change it is refused with 409 `TRANSITION_NOT_ALLOWED` (the transition
 * operation checks guards and permissions); sending its current value is allowed.
 */
export async function updateRecord(
  state: EngineState,
  plan: EntityPlan,
  ctx: ResourceContext,
  id: string,
  patch: unknown,
  { ifMatch }: WriteOptions = {},
): Promise<ApiRecord> {
  checkWritableInput(plan, patch, '', { serverWrite: ctx.serverWrite });
  return inTransaction(state, plan, ctx, 'update', async (tx) => {
    const previous = await lockRow(tx, plan, ctx, id);
    checkPolicy(state, plan, ctx, 'update', previous);
    checkIfMatch(plan, previous, ifMatch);
    checkRecordLock(plan, previous, 'update');
    const next = applyMergePatch(writablePart(plan, previous), patch) as ApiRecord;
    const workflowField = plan.entity.annotations.workflow?.field;
    if (workflowField !== undefined && !isDeepStrictEqual(next[workflowField], previous[workflowField])) {
      throw new DomainError(
        'TRANSITION_NOT_ALLOWED',
        `${workflowField} changes through the transition operation, where its guards and permissions are checked`,
        {
          issues: [
            { path: `/${workflowField}`, code: 'transition', message: 'changes only through a transition' },
          ],
        },
      );
    }
    const deferred: Deferred = [];
    const updated = await storeChange(state, plan, ctx, tx, previous, next, deferred);
    // audited last (no entry when nothing changed)
    await recordAudit(
      tx,
      resourceAuditEntries(state, plan, ctx, 'update', [{ before: previous, after: updated }]),
    );
    await runDeferred(deferred);
    return updated;
  });
}

/** Moves a record along its workflow (see `checkTransition`), then stores it like an update. */
export async function transitionRecord(
  state: EngineState,
  plan: EntityPlan,
  ctx: ResourceContext,
  id: string,
  to: unknown,
  { ifMatch }: WriteOptions = {},
): Promise<ApiRecord> {
  const workflow = plan.entity.annotations.workflow;
  if (typeof to !== 'string' || (workflow !== undefined && !workflow.states.includes(to))) {
    throw validationFailed([
      { path: '/to', code: 'enum', message: `must be one of: ${(workflow?.states ?? []).join(', ')}` },
    ]);
  }
  return inTransaction(state, plan, ctx, 'update', async (tx) => {
    const previous = await lockRow(tx, plan, ctx, id);
    checkPolicy(state, plan, ctx, 'update', previous);
    checkIfMatch(plan, previous, ifMatch);
    checkTransition(plan, previous, to, ctx.permissions ?? new Set(), ruleContext(ctx));
    const field = workflow?.field ?? '';
    const deferred: Deferred = [];
    // entering the number's state (`x-codexion.number`) takes the document's number in this transaction
    const next = await assignDocumentNumber(
      plan,
      tx,
      ctx.tenantId,
      { ...writablePart(plan, previous), [field]: to },
      to,
    );
    const moved = await storeChange(state, plan, ctx, tx, previous, next, deferred);
    // audited last
    await recordAudit(
      tx,
      resourceAuditEntries(state, plan, ctx, 'transition', [{ before: previous, after: moved }]),
    );
    await runDeferred(deferred);
    return moved;
  });
}

/** Live records of other entities that point at this one with `onDelete: restrict`. */
async function restrictingReference(
  state: EngineState,
  plan: EntityPlan,
  tx: Db,
  ctx: ResourceContext,
  id: string,
): Promise<string | undefined> {
  for (const other of state.plans.values()) {
    for (const relation of other.relations.values()) {
      if (relation.target !== plan.entity.name) continue;
      const onDelete = (
        other.entity.schema.properties?.[relation.field]?.['x-codexion'] as { onDelete?: string } | undefined
      )?.onDelete;
      if (onDelete === 'cascade') continue;
      const field = other.fields.get(relation.field);
      if (field === undefined) continue;
      const conditions: SQL[] = [...scopeConditions(other, ctx.tenantId), eq(field.column, id)];
      const found = await tx
        .select({ one: sql`1` })
        .from(other.table)
        .where(and(...conditions))
        .limit(1);
      if (found.length > 0) return other.entity.typeName;
    }
  }
  return undefined;
}

/**
 * Deletes a record: soft (sets `deletedAt`, restorable) where the entity says `softDelete`, else
 * for good. Either way a live record pointing at it with `onDelete: restrict` makes it a 409.
 */
export async function deleteRecord(
  state: EngineState,
  plan: EntityPlan,
  ctx: ResourceContext,
  id: string,
  { ifMatch }: WriteOptions = {},
): Promise<void> {
  const hooks = hooksOf(state, plan);
  await inTransaction(state, plan, ctx, 'delete', async (tx) => {
    const record = await lockRow(tx, plan, ctx, id);
    checkPolicy(state, plan, ctx, 'delete', record);
    checkIfMatch(plan, record, ifMatch);
    checkRecordLock(plan, record, 'delete');
    const deferred: Deferred = [];
    const hookCtx = hookContext(state, tx, ctx, plan, deferred);
    await hooks.beforeDelete?.(hookCtx, record);
    if (plan.deletedAt !== undefined) {
      const referrer = await restrictingReference(state, plan, tx, ctx, id);
      if (referrer !== undefined) {
        throw new DomainError(
          'REFERENCE_VIOLATION',
          `The ${plan.entity.typeName} is still referenced by a ${referrer}`,
          {
            extensions: { referencedBy: referrer },
          },
        );
      }
      await updateRow(tx, plan, ctx, id, { deletedAt: nowMs });
    } else {
      await tx.delete(plan.table).where(and(eq(plan.id.column, id), eq(plan.tenantId.column, ctx.tenantId)));
    }
    // arrays of ids have no foreign key to clear them: the engine takes the id out
    const removed = await removeItemReferences(tx, state, plan, ctx.tenantId, String(record.id), ctx.userId);
    if (Object.values(removed).some((count) => count > 0)) {
      ctx.logger.info(
        { [`${plan.entity.name}Id`]: record.id, removed },
        'id removed from the arrays that held it',
      );
    }
    await hooks.afterDelete?.(hookCtx, record);
    // audited last
    await recordAudit(tx, resourceAuditEntries(state, plan, ctx, 'delete', [{ before: record }]));
    await runDeferred(deferred);
  });
}

/** Undoes a soft delete; a record that is not deleted comes back as it is. */
export async function restoreRecord(
  state: EngineState,
  plan: EntityPlan,
  ctx: ResourceContext,
  id: string,
): Promise<ApiRecord> {
  const deletedAt = plan.deletedAt;
  if (deletedAt === undefined) throw notFound(plan, id);
  return inTransaction(state, plan, ctx, 'restore', async (tx) => {
    const record = await lockRow(tx, plan, ctx, id, 'include');
    // restoring undoes a delete: the same policy
    checkPolicy(state, plan, ctx, 'delete', record);
    if (record.deletedAt === undefined || record.deletedAt === null) return record;
    const restored = await updateRow(tx, plan, ctx, id, { deletedAt: null });
    // audited last
    await recordAudit(
      tx,
      resourceAuditEntries(state, plan, ctx, 'restore', [{ before: record, after: restored }]),
    );
    return restored;
  });
}
