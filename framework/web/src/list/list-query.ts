import type { FieldModel } from '../entity/field-model.js';

export type FilterOp = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'contains' | 'isNull';

export interface ListFilter {
  field: string;
  op: FilterOp;
  value: string;
}

export interface ListSort {
  field: string;
  desc: boolean;
}

/** What a list shows: the server-side part of a table's state. */
export interface ListQuery {
  q: string;
  sort: ListSort[];
  filters: ListFilter[];
}

export const emptyListQuery: ListQuery = { q: '', sort: [], filters: [] };

/**
 * The query string of one page of a list, in the API's dialect: `q`, `sort=-amount,title`,
 * `filter[field][op]=value`, `cursor`, `pageSize`.
 *
 * @example
 * listSearchParams({ q: 'acme', sort: [{ field: 'amount', desc: true }], filters: [] }, { pageSize: 50 }).toString()
 * // 'q=acme&sort=-amount&pageSize=50'
 */
export function listSearchParams(
  query: ListQuery,
  { cursor, pageSize, total }: { cursor?: string | null; pageSize?: number; total?: boolean } = {},
): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q.trim()) params.set('q', query.q.trim());
  if (query.sort.length)
    params.set('sort', query.sort.map((s) => (s.desc ? `-${s.field}` : s.field)).join(','));
  for (const filter of query.filters) {
    if (filter.value === '' && filter.op !== 'isNull') continue;
    params.append(
      `filter[${filter.field}][${filter.op}]`,
      filter.op === 'isNull' ? filter.value || 'true' : filter.value,
    );
  }
  if (cursor) params.set('cursor', cursor);
  if (pageSize) params.set('pageSize', String(pageSize));
  if (total) params.set('total', 'true');
  return params;
}

/**
 * The filter operators the API offers on a field, by its type (the same table the OpenAPI
 * builder uses); none for fields it cannot filter on (objects, arrays).
 *
 * @example
 * filterOpsFor(amountField) // ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'isNull']
 */
export function filterOpsFor(field: FieldModel): FilterOp[] {
  if (field.widget === 'object' || field.widget === 'json' || field.widget === 'tags') return [];
  const { type, format } = field;
  let ops: FilterOp[];
  if (type === 'boolean') ops = ['eq', 'ne'];
  else if (type === 'number' || type === 'integer') ops = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in'];
  else if (format === 'date' || format === 'date-time' || format === 'time')
    ops = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in'];
  else if (field.enumValues.length || format === 'uuid') ops = ['eq', 'ne', 'in'];
  else if (type === 'string') ops = ['eq', 'ne', 'in', 'contains'];
  else return [];
  return field.nullable || !field.required ? [...ops, 'isNull'] : ops;
}

/** Whether the API can sort on a field: one scalar column. */
export function isSortable(field: FieldModel): boolean {
  return filterOpsFor(field).length > 0;
}

const filterOps = new Set<string>(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'contains', 'isNull']);

/**
 * Reads a list query back from a URL's search params (the same dialect the API speaks), so a list
 * can be bookmarked and shared.
 *
 * @example
 * listQueryFromSearch(new URLSearchParams('q=acme&sort=-amount&filter[stage][eq]=lead'))
 */
export function listQueryFromSearch(params: URLSearchParams): ListQuery {
  const filters: ListFilter[] = [];
  for (const [key, value] of params) {
    const match = /^filter\[([^\]]+)\](?:\[([a-zA-Z]+)\])?$/.exec(key);
    if (!match?.[1]) continue;
    const op = match[2] ?? 'eq';
    if (filterOps.has(op)) filters.push({ field: match[1], op: op as FilterOp, value });
  }
  const sort = (params.get('sort') ?? '')
    .split(',')
    .filter(Boolean)
    .map((spec) =>
      spec.startsWith('-') ? { field: spec.slice(1), desc: true } : { field: spec, desc: false },
    );
  return { q: params.get('q') ?? '', sort, filters };
}
