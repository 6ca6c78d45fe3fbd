import { type OpenApiDocument, pascalCase } from '@codexion/schema';
import type { ContractOperation } from './contract-operations.js';

/** A record as a list answers it. */
export type ListedRecord = Record<string, unknown>;

/** A GET as the suites make it: the parsed JSON body (or `undefined`) and the headers. */
export type JsonGet = (path: string) => Promise<{ status: number; body: unknown; headers: Headers }>;

/** The records one caller can see, by list path, to fill ids into requests. */
export interface RecordPools {
  /** the records of each list operation (a GET without path parameters that answers a list) */
  readonly lists: ReadonlyMap<string, readonly ListedRecord[]>;
  /** a `nextCursor` of each list that pages by cursor */
  readonly cursors: ReadonlyMap<string, string>;
  /** the list path of each entity a schema can reference (`x-codexion.ref`) */
  readonly entityPaths: ReadonlyMap<string, string>;
  /** ids of an entity's records, best first */
  refIds(entity: string): string[];
  /** the keys of the list named like a field (`role` -> `key`s of `…/roles`; `permissions` -> `…/permissions`) */
  valuesNamed(name: string): string[];
}

function itemsOf(body: unknown): ListedRecord[] | undefined {
  const list = Array.isArray(body)
    ? body
    : typeof body === 'object' && body !== null && Array.isArray((body as { items?: unknown }).items)
      ? (body as { items: unknown[] }).items
      : undefined;
  return list?.filter((item): item is ListedRecord => typeof item === 'object' && item !== null);
}

/** The strings of a list answer (`{ items: ['crm.deal.won', …] }`). */
function stringsOf(body: unknown): string[] {
  const list = Array.isArray(body) ? body : (body as { items?: unknown } | undefined)?.items;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

/** The schema name a GET's 200 answer refers to (`Deal`), if it refers to one. */
function answerSchemaName(doc: OpenApiDocument, path: string): string | undefined {
  const response = doc.paths[path]?.get?.responses['200'];
  if (response === undefined || '$ref' in response) return undefined;
  const ref = response.content?.['application/json']?.schema.$ref;
  return typeof ref === 'string' ? ref.split('/').at(-1) : undefined;
}

/**
 * Reads every list the caller may read (GETs without path or required query parameters), and a
 * cursor of each, so requests can carry ids of records that exist: the caller's own, or (for the
 * two-tenant suite) another tenant's.
 *
 * @example
 * const pools = await collectRecordPools(doc, operations, (path) => owner.getJson(path));
 * pools.refIds('company'); // ['9b1d…', …]
 */
export async function collectRecordPools(
  doc: OpenApiDocument,
  operations: readonly ContractOperation[],
  get: JsonGet,
): Promise<RecordPools> {
  const lists = new Map<string, ListedRecord[]>();
  // lists of plain names (`/api/webhooks/event-types`)
  const names = new Map<string, string[]>();
  const cursors = new Map<string, string>();
  const entityPaths = new Map<string, string>();
  const listable = operations.filter(
    (op) =>
      op.method === 'GET' &&
      !op.path.includes('{') &&
      op.secured &&
      !op.parameters.some((p) => p.required && p.in === 'query'),
  );
  for (const op of listable) {
    const pageSize = op.parameters.find((p) => p.name === 'pageSize' && p.in === 'query');
    const paged = pageSize !== undefined;
    const most = typeof pageSize?.schema.maximum === 'number' ? Math.min(50, pageSize.schema.maximum) : 50;
    const answer = await get(paged ? `${op.path}?pageSize=${most}` : op.path);
    const items = answer.status === 200 ? itemsOf(answer.body) : undefined;
    if (items === undefined) continue;
    const strings = answer.status === 200 ? stringsOf(answer.body) : [];
    if (strings.length > 0) names.set(op.path, strings);
    lists.set(op.path, items);
    if (op.parameters.some((p) => p.name === 'cursor' && p.in === 'query') && paged) {
      const page = await get(`${op.path}?pageSize=1`);
      const next = (page.body as { nextCursor?: unknown } | undefined)?.nextCursor;
      if (typeof next === 'string') cursors.set(op.path, next);
    }
    const record = answerSchemaName(doc, `${op.path}/{id}`);
    if (record !== undefined) entityPaths.set(record, op.path);
  }
  return {
    lists,
    cursors,
    entityPaths,
    valuesNamed(name) {
      if (name === '') return [];
      // `role` -> `/roles`, `eventTypes` -> `/event-types`
      const kebab = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      const named = (p: string) => [name, kebab].some((n) => p.endsWith(`/${n}s`) || p.endsWith(`/${n}`));
      const listed = [...names.keys()].find(named);
      if (listed !== undefined) return names.get(listed) ?? [];
      const path = [...lists.keys()].find(named);
      const items = path === undefined ? [] : (lists.get(path) ?? []);
      return items
        .map((item) => item.key ?? item.name ?? item.id)
        .filter((value): value is string => typeof value === 'string');
    },
    refIds(entity) {
      const path = entityPaths.get(pascalCase(entity));
      const items = path === undefined ? [] : (lists.get(path) ?? []);
      return items.map((item) => item.id).filter((id): id is string => typeof id === 'string');
    },
  };
}

/**
 * The value of a path parameter from the records of the list it sits under
 * (`/api/tenancy/roles/{key}` -> the `key` of a role), or `undefined` when there is no such list.
 *
 * @example
 * pathParameterValue(pools, '/api/crm/deals/{id}/win', 'id'); // the id of the first deal
 */
export function pathParameterValue(
  pools: RecordPools,
  path: string,
  name: string,
  index = 0,
): string | undefined {
  const at = path.indexOf(`/{${name}}`);
  if (at < 0) return undefined;
  const items = pools.lists.get(path.slice(0, at)) ?? [];
  const values = items
    .map((item) => item[name] ?? item.id)
    .filter((value): value is string | number => typeof value === 'string' || typeof value === 'number');
  const value = values[Math.min(index, values.length - 1)];
  return value === undefined ? undefined : String(value);
}
