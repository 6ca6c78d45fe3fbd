import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type ListQuery, listQueryFromSearch, listSearchParams } from './list-query.js';

/**
 * A list's query kept in the page URL (`?q=…&sort=…&filter[f][op]=…`): reload, back and a shared
 * link show the same list.
 *
 * @example
 * const [query, setQuery] = useListState();
 * <ResourceTable entity={account} query={query} onQueryChange={setQuery} />
 */
export function useListState(): [ListQuery, (query: ListQuery) => void] {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `search` is the value of `params`
  const query = useMemo(() => listQueryFromSearch(params), [search]);
  const setQuery = useCallback(
    (next: ListQuery) => setParams(listSearchParams(next), { replace: true }),
    [setParams],
  );
  return [query, setQuery];
}
