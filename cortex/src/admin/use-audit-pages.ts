import type { AuditEntry, AuditLogPage } from '@codexion/contracts/audit/types';
import { useApi } from '@codexion/web';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useAdminKey } from './admin-queries.js';

/**
 * Pages of audit entries, newest first, loaded one cursor at a time: the log filtered by
 * `query` (`audit/log`), or one record's history (`audit/records/{entity}/{id}/history`).
 *
 * @example
 * const log = useAuditPages('audit/log', { actor, entity });
 * log.entries; log.fetchNextPage();
 */
export function useAuditPages(path: string, query: Record<string, string | undefined> = {}, pageSize = 50) {
  const { apiFetch } = useApi();
  const key = useAdminKey();
  const pages = useInfiniteQuery({
    queryKey: key('audit', path, query),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      (await apiFetch<AuditLogPage>(path, { query: { ...query, pageSize, cursor: pageParam }, signal })).data,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const entries: AuditEntry[] = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return { ...pages, entries };
}
