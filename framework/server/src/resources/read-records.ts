import { isUuid } from '@codexion/schema';
import {
  and,
  eq,
  inArray,
  isNotNull,
  isNull,
  type Placeholder,
  type Query,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db, ReadOptions } from '../data/database.js';
import { DomainError } from '../errors/domain-error.js';
import type { EntityPlan, RelationPlan } from './entity-plan.js';
import { decodeCursor, encodeCursor, keysetCondition, orderBy, sortSignature } from './keyset-cursor.js';
import { filterConditions, searchCondition, whereCondition } from './list-filter.js';
import { type ListRequest, parseListQuery, parseRecordQuery } from './parse-list-query.js';
import { prepareRead } from './prepared-read.js';
import {
  allowedByPolicy,
  checkQueryFields,
  fieldAccess,
  maskRecord,
  policyCondition,
  policySql,
} from './record-access.js';
import type { EngineState, PreparedRead, ResourceContext } from './resource-context.js';
import { type ApiRecord, toApiRecord } from './row-mapping.js';
import { inline, StatementBinder } from './statement-binder.js';

/** Which records a read sees with respect to soft delete. */
export type DeletedFilter = 'exclude' | 'include' | 'only';

/** A page of records. */
export interface ListResult {
  items: ApiRecord[];
  /** the cursor of the next page; `null` on the last */
  nextCursor: string | null;
  /** all matching records, when asked for */
  total?: number;
}

/** Whether a text can be an id at all; anything else is simply not found. */
export function isId(id: string): boolean {
  return isUuid(id);
}

export function notFound(plan: EntityPlan, id: string): DomainError {
  return new DomainError('NOT_FOUND', `No ${plan.entity.typeName} with id ${id}`);
}

/** The tenant's rows, and the live ones unless asked otherwise: in every statement the engine builds. */
export function scopeConditions(
  plan: EntityPlan,
  tenantId: string | Placeholder,
  deleted: DeletedFilter = 'exclude',
): SQL[] {
  const conditions: SQL[] = [eq(plan.tenantId.column, tenantId)];
  if (plan.deletedAt !== undefined && deleted !== 'include') {
    conditions.push(deleted === 'only' ? isNotNull(plan.deletedAt.column) : isNull(plan.deletedAt.column));
  }
  return conditions;
}

function selection(plan: EntityPlan, names: Iterable<string> | undefined): Record<string, PgColumn> {
  const selected: Record<string, PgColumn> = {};
  if (names === undefined) {
    for (const field of plan.fields.values()) selected[field.name] = field.column;
    return selected;
  }
  for (const name of names) {
    const field = plan.fields.get(name);
    if (field !== undefined) selected[name] = field.column;
  }
  return selected;
}

/**
 * Embeds the records that to-one relations point at, one query per relation for the whole page
 * (never one per record). A reference to a soft-deleted record, or to one the caller's record
 * policies hide, embeds `null`; fields masked for the caller are masked in embedded records too.
 */
async function embedRelations(
  state: EngineState,
  db: Db,
  ctx: ResourceContext,
  rows: readonly Record<string, unknown>[],
  items: ApiRecord[],
  relations: readonly RelationPlan[],
): Promise<void> {
  await Promise.all(
    relations.map(async (relation) => {
      const target = state.plans.get(relation.target);
      if (target === undefined) return;
      const ids = [
        ...new Set(rows.map((r) => r[relation.field]).filter((v): v is string => typeof v === 'string')),
      ];
      const byId = new Map<string, ApiRecord>();
      if (ids.length > 0) {
        const found = (await db
          .select(selection(target, undefined))
          .from(target.table)
          .where(and(...scopeConditions(target, ctx.tenantId), inArray(target.id.column, ids)))) as Record<
          string,
          unknown
        >[];
        const { masked } = fieldAccess(state, target, ctx);
        for (const row of found) {
          const record = toApiRecord(target, row);
          if (!allowedByPolicy(state, target, ctx, 'read', record)) continue;
          byId.set(String(row[target.id.name]), maskRecord(target, record, masked));
        }
      }
      items.forEach((item, i) => {
        const ref = rows[i]?.[relation.field];
        item[relation.key] = typeof ref === 'string' ? (byId.get(ref) ?? null) : null;
      });
    }),
  );
}

/** The options of a read in the caller's tenant: row-level security reads them. */
function readOptions(ctx: ResourceContext, oneStatement: boolean): ReadOptions {
  return ctx.userId === undefined
    ? { tenantId: ctx.tenantId, oneStatement }
    : { tenantId: ctx.tenantId, userId: ctx.userId, oneStatement };
}

/**
 * Runs a read in the caller's transaction when there is one, else in a read transaction of its own
 * in the tenant (as the tenant role, so row-level security filters it as well as the engine does).
 * `oneStatement`: `work` runs exactly one statement, so the transaction's end goes out with it.
 */
function inTenant<T>(
  state: EngineState,
  ctx: ResourceContext,
  work: (db: Db) => Promise<T>,
  oneStatement = false,
): Promise<T> {
  return ctx.tx === undefined ? state.database.read(work, readOptions(ctx, oneStatement)) : work(ctx.tx);
}

/** Prepared list statements an engine keeps at most. */
const maxPreparedShapes = 500;

/**
 * What a list statement's SQL depends on besides bound values: the filters' fields and operators
 * (and list lengths), search, order, where the cursor's NULLs are, the selection, offset paging.
 */
function listShape(
  plan: EntityPlan,
  request: ListRequest,
  deleted: DeletedFilter,
  cursorValues: readonly unknown[] | undefined,
): string {
  const filters = request.filters
    .map(
      (f) =>
        `${f.field.name}.${f.op}${f.op === 'in' ? f.value.length : f.op === 'isNull' ? String(f.value) : ''}`,
    )
    .join(',');
  return [
    plan.entity.name,
    deleted,
    filters,
    request.q === undefined ? '' : 'q',
    sortSignature(request.sort),
    cursorValues === undefined ? '' : cursorValues.map((v) => (v === null ? '0' : '1')).join(''),
    request.fields === undefined
      ? '*'
      : [...request.fields, ...request.include.map((r) => r.field)].join(','),
  ].join('|');
}

/**
 * One page of an entity's records for a tenant: `filter`, `where` and `q` combined by AND, sorted
 * with the id as tiebreaker, paged by keyset cursor (or offset `page`), with sparse `fields`,
 * `include`d relations and an optional `total`.
 *
 * @example
 * await listRecords(state, plan, ctx, { filter: { status: 'open' }, sort: '-amount', pageSize: 20 })
 */
export async function listRecords(
  state: EngineState,
  plan: EntityPlan,
  ctx: ResourceContext,
  query: Readonly<Record<string, unknown>>,
  { deleted = 'exclude' }: { deleted?: DeletedFilter } = {},
): Promise<ListResult> {
  const request = parseListQuery(plan, query, state.limits);
  const { masked } = fieldAccess(state, plan, ctx);
  checkQueryFields(masked, {
    filters: request.filters.map((f) => f.field.name),
    sort: request.sort.map((k) => k.field.name),
    where: request.where,
  });
  const searchFields = plan.searchFields.filter((f) => !masked.has(f.name));
  if (request.q !== undefined && searchFields.length === 0) {
    throw new DomainError('FORBIDDEN', 'Every field q searches is masked for you', {
      issues: [{ path: '/q', code: 'forbidden', message: 'searches only fields masked for you' }],
    });
  }
  const policy = policySql(state, plan, ctx);
  const scope = `${state.app}.${plan.entity.name}`;
  const cursorValues =
    request.cursor === undefined
      ? undefined
      : decodeCursor(state.cursorSecret, scope, request.sort, request.cursor);
  // without `where` or a record policy (whose SQL depends on values), and searching every search
  // field, the statement depends only on the query's shape: built once, run with each request's values
  const shape =
    request.where === undefined && policy === undefined && searchFields.length === plan.searchFields.length
      ? listShape(plan, request, deleted, cursorValues)
      : undefined;
  const binder = shape === undefined ? undefined : new StatementBinder();
  const bind = binder?.bind ?? inline;

  const conditions = [
    ...scopeConditions(plan, bind(ctx.tenantId) as string | Placeholder, deleted),
    ...filterConditions(request.filters, bind),
  ];
  if (request.q !== undefined) conditions.push(searchCondition(plan, request.q, bind, searchFields));
  if (request.where !== undefined) {
    conditions.push(whereCondition(plan, request.where, { tenantId: ctx.tenantId, userId: ctx.userId }));
  }
  if (policy !== undefined) conditions.push(policy);
  const paged = [...conditions];
  if (cursorValues !== undefined) paged.push(keysetCondition(request.sort, cursorValues, bind));
  const limit = bind(request.pageSize + 1) as number | Placeholder;
  const offset = bind(request.page === undefined ? 0 : (request.page - 1) * request.pageSize) as
    | number
    | Placeholder;
  const names =
    request.fields === undefined
      ? undefined
      : new Set([
          ...request.fields,
          ...request.sort.map((k) => k.field.name),
          ...request.include.map((r) => r.field),
        ]);
  const columns = selection(plan, names);
  const count = { n: sql<number>`count(*)::int` };
  const built = state.database.db;
  const pageQuery = (db: Db) =>
    db
      .select(columns)
      .from(plan.table)
      .where(and(...paged))
      .orderBy(...orderBy(request.sort))
      .limit(limit)
      .offset(offset);
  const totalQuery = (db: Db) =>
    db
      .select(count)
      .from(plan.table)
      .where(and(...conditions));
  const statement = (key: string, build: () => { toSQL(): Query }, selected: Record<string, unknown>) => {
    if (shape === undefined) return undefined;
    let prepared = state.prepared.get(`${key}:${shape}`);
    if (prepared === undefined) {
      prepared = prepareRead(build(), selected, `${key}_${state.prepared.size}`);
      // a bounded cache: shapes come from clients, so their number has no natural limit
      if (state.prepared.size < maxPreparedShapes) state.prepared.set(`${key}:${shape}`, prepared);
    }
    return prepared;
  };
  const listStatement = statement('list', () => pageQuery(built), columns);
  const countStatement = request.total ? statement('count', () => totalQuery(built), count) : undefined;

  return inTenant(
    state,
    ctx,
    async (db) => {
      const values = binder?.values ?? {};
      const [rows, counted] = await Promise.all([
        listStatement === undefined
          ? (pageQuery(db) as unknown as Promise<unknown[]>)
          : listStatement.execute(db, values),
        !request.total
          ? undefined
          : countStatement === undefined
            ? (totalQuery(db) as unknown as Promise<unknown[]>)
            : countStatement.execute(db, values),
      ]);
      const page = (rows as Record<string, unknown>[]).slice(0, request.pageSize);
      const last = page.at(-1);
      const nextCursor =
        rows.length > request.pageSize && last !== undefined
          ? encodeCursor(
              state.cursorSecret,
              scope,
              request.sort,
              request.sort.map((k) => last[k.field.name] ?? null),
            )
          : null;
      const items = page.map((row) => maskRecord(plan, toApiRecord(plan, row, request.fields), masked));
      await embedRelations(state, db, ctx, page, items, request.include);
      const total = (counted as { n: number }[] | undefined)?.[0]?.n;
      return { items, nextCursor, ...(counted === undefined ? {} : { total: Number(total ?? 0) }) };
    },
    !request.total && request.include.length === 0,
  );
}

/**
 * The select of one whole row by id, built once per entity and soft-delete view: reads by id are
 * the hottest path, and building a statement costs more than running it. `fields` are applied
 * when the row is mapped.
 */
function byIdStatement(state: EngineState, plan: EntityPlan, deleted: DeletedFilter): PreparedRead {
  const key = `get:${plan.entity.name}:${deleted}`;
  let statement = state.prepared.get(key);
  if (statement === undefined) {
    const columns = selection(plan, undefined);
    statement = prepareRead(
      state.database.db
        .select(columns)
        .from(plan.table)
        .where(
          and(
            eq(plan.id.column, sql.placeholder('id')),
            ...scopeConditions(plan, sql.placeholder('tenantId'), deleted),
          ),
        )
        .limit(1),
      columns,
      `${state.app}_${plan.entity.name}_by_id_${deleted}`.replace(/\W/g, '_'),
    );
    state.prepared.set(key, statement);
  }
  return statement;
}

/**
 * One record by id, within the tenant; a soft-deleted one only when asked. A record the caller's
 * record policies hide is not found either; fields masked for the caller come masked.
 *
 * @throws {DomainError} `NOT_FOUND` for a missing id, another tenant's, a deleted or a hidden record
 */
export async function getRecord(
  state: EngineState,
  plan: EntityPlan,
  ctx: ResourceContext,
  id: string,
  query: Readonly<Record<string, unknown>> = {},
  { deleted = 'exclude' }: { deleted?: DeletedFilter } = {},
): Promise<ApiRecord> {
  const { fields, include } = parseRecordQuery(plan, query);
  if (!isId(id)) throw notFound(plan, id);
  const statement = byIdStatement(state, plan, deleted);
  return inTenant(
    state,
    ctx,
    async (db) => {
      const rows = (await statement.execute(db, { id, tenantId: ctx.tenantId })) as Record<string, unknown>[];
      const row = rows[0];
      if (row === undefined) throw notFound(plan, id);
      if (
        policyCondition(state, plan, ctx, 'read') !== undefined &&
        !allowedByPolicy(state, plan, ctx, 'read', toApiRecord(plan, row))
      ) {
        throw notFound(plan, id);
      }
      const item = maskRecord(plan, toApiRecord(plan, row, fields), fieldAccess(state, plan, ctx).masked);
      await embedRelations(state, db, ctx, [row], [item], include);
      return item;
    },
    include.length === 0,
  );
}
