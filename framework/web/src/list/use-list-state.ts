import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type ListQuery, type ListSort, listQueryFromSearch, listSearchParams } from './list-query.js';

/** one empty order for every list without a default, so the memo below keeps its value */
const noSort: readonly ListSort[] = [];

/**
 * A list's query kept in the page URL (`?q=…&sort=…&filter[f][op]=…`): reload, back and a shared
 * link show the same list. While the URL names no order, `defaultSort` orders it.
 *
 * @example
 * const [query, setQuery] = useListState(entity.options.listSort);
 * <ResourceTable entity={account} query={query} onQueryChange={setQuery} />
 */
export function useListState(
  defaultSort: readonly ListSort[] = noSort,
): [ListQuery, (query: ListQuery) => void] {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const query = useMemo(() => {
    const fromUrl = listQueryFromSearch(new URLSearchParams(search));
    return fromUrl.sort.length === 0 && defaultSort.length > 0
      ? { ...fromUrl, sort: [...defaultSort] }
      : fromUrl;
  }, [search, defaultSort]);
  const setQuery = useCallback(
    (next: ListQuery) => setParams(listSearchParams(next), { replace: true }),
    [setParams],
  );
  return [query, setQuery];
}
