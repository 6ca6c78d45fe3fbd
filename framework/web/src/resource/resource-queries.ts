import type { Client } from '@codexion/client';
import { keepPreviousData, useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-provider.js';
import type { EntityConfig, HistoryEntry } from '../entity/define-entities.js';
import { type ListQuery, listSearchParams } from '../list/list-query.js';
import { callResource, callSdk } from './call-resource.js';

export type ResourceRecord = Record<string, unknown>;

/** One page of a list, as every Codexion list operation answers. */
export interface ResourcePage {
  items: ResourceRecord[];
  nextCursor: string | null;
  total?: number;
}

function isRecord(value: unknown): value is ResourceRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a list answer, tolerating a server that leaves `nextCursor` out on the last page. */
export function parsePage(data: unknown): ResourcePage {
  if (!isRecord(data) || !Array.isArray(data.items))
    throw new TypeError('A list answer needs an `items` array');
  return {
    items: data.items.filter(isRecord),
    nextCursor: typeof data.nextCursor === 'string' ? data.nextCursor : null,
    total: typeof data.total === 'number' ? data.total : undefined,
  };
}

/**
 * Query keys of resource data, scoped by API base URL so modules of several apps can share one
 * query client in Cortex. Invalidate `resourceKeys.all(baseUrl, resource)` after a write.
 */
export const resourceKeys = {
  all: (baseUrl: string, resource: string) => ['codexion', baseUrl, resource] as const,
  list: (baseUrl: string, resource: string, params: string) =>
    ['codexion', baseUrl, resource, 'list', params] as const,
  record: (baseUrl: string, resource: string, id: string) =>
    ['codexion', baseUrl, resource, 'record', id] as const,
  history: (baseUrl: string, resource: string, id: string) =>
    ['codexion', baseUrl, resource, 'history', id] as const,
  titles: (baseUrl: string, resource: string, ids: string) =>
    ['codexion', baseUrl, resource, 'titles', ids] as const,
};

/**
 * A resource's list under a query, page after page by keyset cursor.
 *
 * @example
 * const list = useResourceList(account, { q: 'acme', sort: [], filters: [] });
 * list.data?.pages.flatMap((page) => page.items)
 */
export function useResourceList(
  entity: EntityConfig,
  query: ListQuery,
  { pageSize = 50, enabled = true } = {},
) {
  const { client, baseUrl } = useApi();
  const params = listSearchParams(query, { pageSize }).toString();
  return useInfiniteQuery({
    queryKey: resourceKeys.list(baseUrl, entity.resource, params),
    queryFn: async ({ pageParam, signal }) => {
      const search = listSearchParams(query, { pageSize, cursor: pageParam });
      const { data } = await callResource(entity, 'list', { client, query: search, signal });
      return parsePage(data);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * Every record of a list (cursor after cursor, at most `max`), as one array: for what is small and
 * read whole — a pipeline's stages, the open deals behind a dashboard. Fresh for a minute.
 *
 * @example
 * const stages = useAllRecords(crm.entity('stage'), { q: '', sort: [{ field: 'position', desc: false }], filters: [] });
 */
export function useAllRecords(
  entity: EntityConfig | undefined,
  query: ListQuery,
  {
    enabled = true,
    max = 1000,
    staleTime = 60_000,
  }: { enabled?: boolean; max?: number; staleTime?: number } = {},
) {
  const { client, baseUrl } = useApi();
  const params = listSearchParams(query, { pageSize: 200 }).toString();
  return useQuery({
    queryKey: resourceKeys.list(baseUrl, entity?.resource ?? '', `all:${max}:${params}`),
    queryFn: async ({ signal }): Promise<ResourceRecord[]> => {
      const items: ResourceRecord[] = [];
      let cursor: string | null = null;
      if (!entity) return items;
      while (items.length < max) {
        const search = listSearchParams(query, { pageSize: 200, cursor });
        const { data } = await callResource(entity, 'list', { client, query: search, signal });
        const page = parsePage(data);
        items.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return items.slice(0, max);
    },
    enabled: Boolean(entity) && enabled,
    staleTime,
  });
}

export interface RecordWithEtag {
  record: ResourceRecord;
  etag: string | undefined;
}

/**
 * One record and its ETag (what a later PATCH sends as `If-Match`).
 *
 * @example
 * const { data } = useResourceRecord(account, id);
 */
export function useResourceRecord(entity: EntityConfig, id: string | undefined) {
  const { client, baseUrl } = useApi();
  return useQuery({
    queryKey: resourceKeys.record(baseUrl, entity.resource, id ?? ''),
    queryFn: async ({ signal }): Promise<RecordWithEtag> => {
      const { data, etag } = await callResource(entity, 'get', { client, path: { id: id ?? '' }, signal });
      if (!isRecord(data)) throw new TypeError('A record answer needs an object');
      return {
        record: data,
        etag: etag ?? (typeof data.version === 'number' ? `"${data.version}"` : undefined),
      };
    },
    enabled: Boolean(id),
  });
}

/**
 * The change history of a record, when the entity declares where to read it; `data` stays
 * undefined (and nothing is requested) when it does not.
 *
 * @example
 * const history = useResourceHistory(opportunity, id);
 */
export function useResourceHistory(entity: EntityConfig, id: string) {
  const { client, baseUrl } = useApi();
  const history = entity.options.history;
  return useQuery({
    queryKey: resourceKeys.history(baseUrl, entity.resource, id),
    queryFn: async ({ signal }): Promise<HistoryEntry[]> => {
      if (!history) return [];
      const { data } = await callSdk(history, { client, path: { id }, signal });
      const items =
        isRecord(data) && Array.isArray(data.items) ? data.items : Array.isArray(data) ? data : [];
      return items.filter(isRecord).map((item) => ({
        at: String(item.at ?? item.createdAt ?? ''),
        actor: typeof item.actor === 'string' ? item.actor : null,
        action: String(item.action ?? 'update'),
        changes: isRecord(item.changes) ? (item.changes as Record<string, [unknown, unknown]>) : undefined,
      }));
    },
    enabled: Boolean(history && id),
    // history is a nicety: a server without it must not flood the console with retries
    retry: false,
  });
}

function titlesOptions(
  client: Client,
  baseUrl: string,
  entity: EntityConfig | undefined,
  ids: readonly string[],
) {
  const unique = [...new Set(ids.filter(Boolean))].sort();
  const key = unique.join(',');
  return {
    queryKey: resourceKeys.titles(baseUrl, entity?.resource ?? '', key),
    queryFn: async ({ signal }: { signal: AbortSignal }) => {
      if (!entity) return new Map<string, string>();
      const search = new URLSearchParams({
        [`filter[${entity.primaryKey}][in]`]: key,
        pageSize: String(Math.min(unique.length, 200)),
      });
      const { data } = await callResource(entity, 'list', { client, query: search, signal });
      const page = parsePage(data);
      return new Map(
        page.items.map((item) => [
          String(item[entity.primaryKey]),
          String(item[entity.titleField] ?? item[entity.primaryKey]),
        ]),
      );
    },
    enabled: Boolean(entity && unique.length),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  };
}

/**
 * Titles of records of `entity` by id, read in one request (`filter[id][in]=…`): what relation
 * cells and pickers show instead of raw ids.
 *
 * @example
 * const titles = useRecordTitles(account, ['0…1', '0…2']); titles.get('0…1') // 'Acme'
 */
export function useRecordTitles(
  entity: EntityConfig | undefined,
  ids: readonly string[],
): Map<string, string> {
  const { client, baseUrl } = useApi();
  return useQuery(titlesOptions(client, baseUrl, entity, ids)).data ?? new Map();
}

/**
 * For each relation field of `entity` among `fields` (or array of references, like `tagIds`), the
 * titles of the records `rows` point at: one request per relation field, whatever the number of rows.
 *
 * @example
 * const titles = useRelationTitles(opportunity, visibleFields, rows); titles.get('accountId')?.get(id)
 */
export function useRelationTitles(
  entity: EntityConfig,
  fields: readonly { name: string; ref?: string | undefined; itemsRef?: string | undefined }[],
  rows: readonly ResourceRecord[],
): Map<string, Map<string, string>> {
  const { client, baseUrl } = useApi();
  const targetOf = (field: (typeof fields)[number]) => field.ref ?? field.itemsRef ?? '';
  const relations = fields.filter((field) => entity.catalog.get(targetOf(field)));
  const results = useQueries({
    queries: relations.map((field) =>
      titlesOptions(
        client,
        baseUrl,
        entity.catalog.get(targetOf(field)),
        // an array of references (tags) contributes each of its ids
        rows
          .flatMap((row) =>
            Array.isArray(row[field.name]) ? (row[field.name] as unknown[]) : [row[field.name]],
          )
          .filter((id): id is string => typeof id === 'string'),
      ),
    ),
  });
  return new Map(
    relations.map((field, index) => [field.name, results[index]?.data ?? new Map<string, string>()]),
  );
}
