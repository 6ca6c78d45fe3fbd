import { and, eq, inArray, isNotNull, isNull, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../data/database.js';
import { DomainError } from '../errors/domain-error.js';
import type { EntityPlan, RelationPlan } from './entity-plan.js';
import { decodeCursor, encodeCursor, keysetCondition, orderBy, sortSignature } from './keyset-cursor.js';
import { filterConditions, searchCondition, whereCondition } from './list-filter.js';
import { type ListRequest, parseListQuery, parseRecordQuery } from './parse-list-query.js';
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

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a text can be an id at all; anything else is simply not found. */
export function isId(id: string): boolean {
  return uuidPattern.test(id);
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
 * (never one per record). A reference to a soft-deleted record embeds `null`.
 */
async function embedRelations(
  state: EngineState,
  db: Db,
  tenantId: string,
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
          .where(and(...scopeConditions(target, tenantId), inArray(target.id.column, ids)))) as Record<
          string,
          unknown
        >[];
        for (const row of found) byId.set(String(row[target.id.name]), toApiRecord(target, row));
      }
      items.forEach((item, i) => {
        const ref = rows[i]?.[relation.field];
        item[relation.key] = typeof ref === 'string' ? (byId.get(ref) ?? null) : null;
      });
    }),
  );
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
  const scope = `${state.app}.${plan.entity.name}`;
  const cursorValues =
    request.cursor === undefined
      ? undefined
      : decodeCursor(state.cursorSecret, scope, request.sort, request.cursor);
  // without `where` (whose SQL depends on its values), the statement depends only on the query's
  // shape: built and prepared once, then run with each request's values
  // prepared statements belong to the pool's connection, so inside a caller's transaction build each time
  const shape =
    request.where === undefined && ctx.tx === undefined
      ? listShape(plan, request, deleted, cursorValues)
      : undefined;
  const binder = shape === undefined ? undefined : new StatementBinder();
  const bind = binder?.bind ?? inline;

  const conditions = [
    ...scopeConditions(plan, bind(ctx.tenantId) as string | Placeholder, deleted),
    ...filterConditions(request.filters, bind),
  ];
  if (request.q !== undefined) conditions.push(searchCondition(plan, request.q, bind));
  if (request.where !== undefined) {
    conditions.push(whereCondition(plan, request.where, { tenantId: ctx.tenantId, userId: ctx.userId }));
  }
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
  const db = ctx.tx ?? state.database.db;
  const pageQuery = () =>
    db
      .select(selection(plan, names))
      .from(plan.table)
      .where(and(...paged))
      .orderBy(...orderBy(request.sort))
      .limit(limit)
      .offset(offset);
  const totalQuery = () =>
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(plan.table)
      .where(and(...conditions));
  const run = (key: string, build: () => { prepare(name: string): PreparedRead }): Promise<unknown[]> => {
    if (binder === undefined || shape === undefined) return build() as unknown as Promise<unknown[]>;
    let statement = state.prepared.get(`${key}:${shape}`);
    if (statement === undefined) {
      statement = build().prepare(`${key}_${state.prepared.size}`);
      // a bounded cache: shapes come from clients, so their number has no natural limit
      if (state.prepared.size < maxPreparedShapes) state.prepared.set(`${key}:${shape}`, statement);
    }
    return statement.execute(binder.values);
  };
  const [rows, counted] = await Promise.all([
    run('list', pageQuery),
    request.total ? run('count', totalQuery) : undefined,
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
  const items = page.map((row) => toApiRecord(plan, row, request.fields));
  await embedRelations(state, db, ctx.tenantId, page, items, request.include);
  const total = (counted as { n: number }[] | undefined)?.[0]?.n;
  return { items, nextCursor, ...(counted === undefined ? {} : { total: Number(total ?? 0) }) };
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
    statement = state.database.db
      .select(selection(plan, undefined))
      .from(plan.table)
      .where(
        and(
          eq(plan.id.column, sql.placeholder('id')),
          ...scopeConditions(plan, sql.placeholder('tenantId'), deleted),
        ),
      )
      .limit(1)
      .prepare(`${state.app}_${plan.entity.name}_by_id_${deleted}`.replace(/\W/g, '_'));
    state.prepared.set(key, statement);
  }
  return statement;
}

/**
 * One record by id, within the tenant; a soft-deleted one only when asked.
 *
 * @throws {DomainError} `NOT_FOUND` for a missing id, another tenant's, or a deleted record
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
  const db = ctx.tx ?? state.database.db;
  const rows = (
    ctx.tx === undefined
      ? await byIdStatement(state, plan, deleted).execute({ id, tenantId: ctx.tenantId })
      : await ctx.tx
          .select(selection(plan, undefined))
          .from(plan.table)
          .where(and(eq(plan.id.column, id), ...scopeConditions(plan, ctx.tenantId, deleted)))
          .limit(1)
  ) as Record<string, unknown>[];
  const row = rows[0];
  if (row === undefined) throw notFound(plan, id);
  const item = toApiRecord(plan, row, fields);
  await embedRelations(state, db, ctx.tenantId, [row], [item], include);
  return item;
}
