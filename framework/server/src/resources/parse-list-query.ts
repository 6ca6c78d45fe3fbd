import { isUuid } from '@codexion/schema';
import { DomainError } from '../errors/domain-error.js';
import { unsafeJsonIssues } from '../http/unsafe-input.js';
import type { EntityPlan, FieldPlan, RelationPlan } from './entity-plan.js';
import type { SortKey } from './keyset-cursor.js';

export type FilterOperator = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'contains' | 'isNull';

/** One `filter[field][op]=value`, its value already of the field's type. */
export type FilterCondition =
  | { field: FieldPlan; op: 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte'; value: string | number | boolean }
  | { field: FieldPlan; op: 'in'; value: (string | number | boolean)[] }
  | { field: FieldPlan; op: 'contains'; value: string }
  | { field: FieldPlan; op: 'isNull'; value: boolean };

/** A list request, checked against the entity. */
export interface ListRequest {
  filters: FilterCondition[];
  /** the parsed JSON Logic of `where` */
  where: unknown;
  q: string | undefined;
  /** the order, the id last as the tiebreaker */
  sort: SortKey[];
  cursor: string | undefined;
  page: number | undefined;
  pageSize: number;
  total: boolean;
  /** the properties to return (`id` and `version` always), all when undefined */
  fields: Set<string> | undefined;
  include: RelationPlan[];
}

export interface ListLimits {
  defaultPageSize?: number;
  maxPageSize?: number;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const dateTimePattern = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})$/;
const orderedKinds = new Set(['integer', 'number', 'date', 'timestamp']);

/** Values of one `filter[field][in]`: a list past this is a query the client should write another way. */
export const maxInValues = 100;

function failure(
  code: 'INVALID_FILTER' | 'INVALID_SORT' | 'INVALID_PARAMETER' | 'INVALID_CURSOR',
  path: string,
  message: string,
): DomainError {
  return new DomainError(code, message, { issues: [{ path, code: code.toLowerCase(), message }] });
}

/** Operators that mean something for a field, as the OpenAPI `filter` parameter lists them. */
export function operatorsOf(field: FieldPlan): FilterOperator[] {
  let ops: FilterOperator[];
  if (field.kind === 'boolean') ops = ['eq', 'ne'];
  else if (orderedKinds.has(field.kind)) ops = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in'];
  else if (Array.isArray(field.schema.enum) || field.kind === 'uuid') ops = ['eq', 'ne', 'in'];
  else ops = ['eq', 'ne', 'in', 'contains'];
  return field.nullable ? [...ops, 'isNull'] : ops;
}

/**
 * A filter value (text from the query string, or a value already typed) as the field's type.
 * Returns `undefined` when it is not one.
 */
export function coerceFilterValue(field: FieldPlan, raw: unknown): string | number | boolean | undefined {
  switch (field.kind) {
    case 'integer': {
      const n =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && /^-?\d+$/.test(raw.trim())
            ? Number(raw)
            : Number.NaN;
      return Number.isSafeInteger(n) ? n : undefined;
    }
    case 'number': {
      const n =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && raw.trim() !== ''
            ? Number(raw)
            : Number.NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      return raw === 'true' ? true : raw === 'false' ? false : undefined;
    case 'uuid':
      return typeof raw === 'string' && isUuid(raw) ? raw.toLowerCase() : undefined;
    case 'date':
      return typeof raw === 'string' && datePattern.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`))
        ? raw
        : undefined;
    case 'timestamp':
      return typeof raw === 'string' && dateTimePattern.test(raw) && !Number.isNaN(Date.parse(raw))
        ? raw
        : undefined;
    case 'text': {
      if (typeof raw !== 'string') return undefined;
      const values = field.schema.enum;
      return Array.isArray(values) && !values.includes(raw) ? undefined : raw;
    }
    default:
      return undefined;
  }
}

function parseFilters(plan: EntityPlan, raw: unknown): FilterCondition[] {
  if (raw === undefined) return [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw failure(
      'INVALID_FILTER',
      '/filter',
      'filter must be an object: filter[field]=value or filter[field][op]=value',
    );
  }
  const conditions: FilterCondition[] = [];
  for (const [name, spec] of Object.entries(raw)) {
    const path = `/filter/${name}`;
    const field = plan.fields.get(name);
    if (field === undefined || !field.scalar) {
      throw failure('INVALID_FILTER', path, `"${name}" is not a field that can be filtered on`);
    }
    const allowed = operatorsOf(field);
    const entries: [string, unknown][] =
      typeof spec === 'object' && spec !== null && !Array.isArray(spec)
        ? Object.entries(spec)
        : [['eq', spec]];
    if (entries.length === 0) throw failure('INVALID_FILTER', path, `filter on "${name}" names no operator`);
    for (const [op, value] of entries) {
      if (!(allowed as string[]).includes(op)) {
        throw failure(
          'INVALID_FILTER',
          path,
          `"${op}" is not an operator for "${name}"; use one of ${allowed.join(', ')}`,
        );
      }
      const bad = () =>
        failure('INVALID_FILTER', path, `${JSON.stringify(value)} is not a valid ${op} value for "${name}"`);
      if (op === 'isNull') {
        const flag = coerceFilterValue({ ...field, kind: 'boolean' }, value);
        if (typeof flag !== 'boolean') throw bad();
        conditions.push({ field, op, value: flag });
      } else if (op === 'in') {
        const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value];
        const coerced = items.map((item) =>
          coerceFilterValue(field, typeof item === 'string' ? item.trim() : item),
        );
        if (coerced.length === 0 || coerced.some((c) => c === undefined)) throw bad();
        if (coerced.length > maxInValues) {
          throw failure('INVALID_FILTER', path, `an in filter takes at most ${maxInValues} values`);
        }
        conditions.push({ field, op, value: coerced as (string | number | boolean)[] });
      } else if (op === 'contains') {
        if (typeof value !== 'string' || value === '') throw bad();
        conditions.push({ field, op, value });
      } else {
        const coerced = coerceFilterValue(field, value);
        if (coerced === undefined) throw bad();
        conditions.push({ field, op: op as 'eq', value: coerced });
      }
    }
  }
  return conditions;
}

function listOf(raw: unknown, path: string): string[] | undefined {
  if (raw === undefined) return undefined;
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : undefined;
  if (items === undefined || !items.every((i) => typeof i === 'string')) {
    throw failure(
      path === '/sort' ? 'INVALID_SORT' : 'INVALID_PARAMETER',
      path,
      'must be a comma-separated list',
    );
  }
  return items.map((i) => i.trim()).filter((i) => i !== '');
}

function parseSort(plan: EntityPlan, raw: unknown): SortKey[] {
  const tokens = listOf(raw, '/sort') ?? [];
  const keys: SortKey[] = [];
  const seen = new Set<string>();
  for (const token of tokens) {
    const descending = token.startsWith('-');
    const name = descending ? token.slice(1) : token.replace(/^\+/, '');
    const field = plan.fields.get(name);
    if (field === undefined || !field.scalar) {
      throw failure('INVALID_SORT', '/sort', `"${name}" is not a field that can be sorted on`);
    }
    if (seen.has(name)) throw failure('INVALID_SORT', '/sort', `"${name}" appears twice in sort`);
    seen.add(name);
    keys.push({ field, descending });
  }
  if (keys.length === 0 && plan.fields.has('createdAt')) {
    const createdAt = plan.fields.get('createdAt');
    if (createdAt !== undefined) keys.push({ field: createdAt, descending: true });
  }
  // the id makes the order total, so keyset pages neither skip nor repeat rows
  if (!seen.has(plan.id.name)) keys.push({ field: plan.id, descending: keys.at(-1)?.descending ?? false });
  return keys;
}

function parsePositiveInteger(raw: unknown, path: string, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (raw === undefined) return undefined;
  const n =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > max) {
    throw failure('INVALID_PARAMETER', path, `must be an integer from 1 to ${max}`);
  }
  return n;
}

function parseWhere(raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') return raw;
  let where: unknown;
  try {
    where = JSON.parse(raw) as unknown;
  } catch {
    throw failure('INVALID_FILTER', '/where', 'where must be a JSON Logic expression encoded as JSON');
  }
  const unsafe = unsafeJsonIssues(where, '/where');
  if (unsafe.length > 0) {
    throw new DomainError('INVALID_FILTER', 'where has values that are not accepted', {
      issues: unsafe,
    });
  }
  return where;
}

/**
 * `fields` and `include` of a read: the properties to return (`id` and `version` always) and the
 * to-one relations to embed.
 *
 * @throws {DomainError} `INVALID_PARAMETER` naming an unknown field or relation
 *
 * @example
 * parseRecordQuery(plan, { fields: ['title'], include: ['accountId'] })
 */
export function parseRecordQuery(
  plan: EntityPlan,
  query: Readonly<Record<string, unknown>>,
): { fields: Set<string> | undefined; include: RelationPlan[] } {
  const fieldNames = listOf(query.fields, '/fields');
  let fields: Set<string> | undefined;
  if (fieldNames !== undefined) {
    for (const name of fieldNames) {
      if (!plan.fields.has(name)) {
        throw failure('INVALID_PARAMETER', '/fields', `"${name}" is not a field of ${plan.entity.typeName}`);
      }
    }
    fields = new Set([plan.id.name, plan.version.name, ...fieldNames]);
  }
  const include = (listOf(query.include, '/include') ?? []).map((name) => {
    const relation = plan.relations.get(name);
    if (relation === undefined) {
      throw failure(
        'INVALID_PARAMETER',
        '/include',
        `"${name}" is not a to-one relation of ${plan.entity.typeName}`,
      );
    }
    return relation;
  });
  return { fields, include };
}

/**
 * Checks a list's query parameters (as the operation router passes them, or typed values from
 * code) against the entity: filters and their operators and values, sort, pagination, sparse
 * fields, includes. Every problem is a 400 naming the parameter.
 *
 * @throws {DomainError} `INVALID_FILTER`, `INVALID_SORT` or `INVALID_PARAMETER`
 *
 * @example
 * parseListQuery(plan, { filter: { amount: { gte: '100' } }, sort: ['-amount'], pageSize: 20 })
 */
export function parseListQuery(
  plan: EntityPlan,
  query: Readonly<Record<string, unknown>>,
  { defaultPageSize = 50, maxPageSize = 200 }: ListLimits = {},
): ListRequest {
  const cursor = query.cursor;
  if (cursor !== undefined && (typeof cursor !== 'string' || cursor === '')) {
    throw failure('INVALID_CURSOR', '/cursor', 'must be a cursor from a previous page');
  }
  const page = parsePositiveInteger(query.page, '/page');
  if (page !== undefined && cursor !== undefined) {
    throw failure(
      'INVALID_PARAMETER',
      '/page',
      'page and cursor cannot be combined: a cursor already says where to go on',
    );
  }
  const total = query.total;
  if (total !== undefined && typeof total !== 'boolean' && total !== 'true' && total !== 'false') {
    throw failure('INVALID_PARAMETER', '/total', 'must be true or false');
  }
  const q = query.q;
  if (q !== undefined && typeof q !== 'string') throw failure('INVALID_PARAMETER', '/q', 'must be text');
  if (typeof q === 'string' && q.trim() !== '' && plan.searchFields.length === 0) {
    throw failure('INVALID_PARAMETER', '/q', `${plan.entity.typeName} has no search fields`);
  }

  const { fields, include } = parseRecordQuery(plan, query);

  return {
    filters: parseFilters(plan, query.filter),
    where: parseWhere(query.where),
    q: typeof q === 'string' && q.trim() !== '' ? q.trim() : undefined,
    sort: parseSort(plan, query.sort),
    cursor: typeof cursor === 'string' ? cursor : undefined,
    page,
    pageSize: parsePositiveInteger(query.pageSize, '/pageSize', maxPageSize) ?? defaultPageSize,
    total: total === true || total === 'true',
    fields,
    include,
  };
}
