import { useQueries } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ApiContextValue } from '../api/api-provider.js';
import type { EntityConfig } from '../entity/define-entities.js';
import { callResource } from '../resource/call-resource.js';
import { parsePage, type ResourceRecord, resourceKeys } from '../resource/resource-queries.js';

/** One entity to search, and the API of its app (a shell searches several apps at once). */
export interface RecordSearchSource {
  entity: EntityConfig;
  /** the app's API root (query keys are scoped by it) and the client its generated SDK is called through */
  api: Pick<ApiContextValue, 'baseUrl' | 'client'>;
}

export interface RecordSearchOptions {
  /** the text searched (`?q=`); nothing is asked while it is empty */
  q: string;
  /** hits per entity */
  limit?: number;
  /** `false` while the search is closed */
  enabled?: boolean;
}

/** The hits of one entity, in the order the sources were given. */
export interface RecordSearchHits {
  entity: EntityConfig;
  items: ResourceRecord[];
}

export interface RecordSearchResult {
  /** entities with at least one hit */
  hits: RecordSearchHits[];
  loading: boolean;
}

/** What a hit shows: its id, its title and one more searched field (an email, a domain). */
export interface RecordHitText {
  id: string;
  title: string;
  detail: string | undefined;
}

/**
 * The id, title and detail line of a search hit, from the entity's title and search fields.
 *
 * @example
 * describeHit(crm.entity('person'), { id: '7', name: 'Jane Doe', email: 'jane@acme.com' })
 * // { id: '7', title: 'Jane Doe', detail: 'jane@acme.com' }
 */
export function describeHit(entity: EntityConfig, item: ResourceRecord): RecordHitText {
  const id = String(item[entity.primaryKey]);
  const detailField = entity.annotations.search?.find((field) => field !== entity.titleField);
  const detail = detailField ? item[detailField] : undefined;
  return {
    id,
    title: String(item[entity.titleField] ?? id),
    detail: typeof detail === 'string' && detail !== '' ? detail : undefined,
  };
}

/**
 * Waits until a value stops changing for `ms`: one search per word typed, not one per key.
 *
 * @example
 * const q = useDebouncedValue(text.trim(), 200);
 */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Searches several entities' lists (`GET /<resource>?q=&pageSize=`) at once, each on its own app's
 * API, cached briefly per text: what `RecordSearch` and Cortex's command palette show.
 *
 * @example
 * const api = useApi();
 * const { hits, loading } = useRecordSearch(
 *   [crm.entity('company'), crm.entity('deal')].map((entity) => ({ entity, api })),
 *   { q, enabled: open },
 * );
 */
export function useRecordSearch(
  sources: readonly RecordSearchSource[],
  { q, limit = 5, enabled = true }: RecordSearchOptions,
): RecordSearchResult {
  const results = useQueries({
    queries: sources.map(({ entity, api }) => ({
      queryKey: resourceKeys.list(api.baseUrl, entity.resource, `search:${limit}:${q}`),
      queryFn: async ({ signal }: { signal: AbortSignal }) => {
        const { data } = await callResource(entity, 'list', {
          client: api.client,
          query: { q, pageSize: limit },
          signal,
        });
        return parsePage(data).items;
      },
      enabled: enabled && q.length > 0,
      staleTime: 10_000,
    })),
  });
  const hits: RecordSearchHits[] = [];
  sources.forEach(({ entity }, index) => {
    const items = results[index]?.data ?? [];
    if (q && items.length > 0) hits.push({ entity, items });
  });
  return { hits, loading: results.some((result) => result.isFetching) };
}
