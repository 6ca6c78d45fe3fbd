import type { Client } from '@codexion/client';
import type { AuditEntry, AuditLogPage } from '@codexion/contracts/audit/types';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useAdminClients, useAdminKey } from './admin-queries.js';

/** The page a read asks for: its size and the cursor of the page before (none for the first). */
export interface AuditPageRequest {
  pageSize: number;
  cursor: string | undefined;
}

/**
 * Pages of audit entries, newest first, loaded one cursor at a time through the audit API's
 * generated SDK: the log filtered by a query (`listAuditLog`), or one record's history
 * (`getAuditRecordHistory`). `key` names what is read, under the session's tenant.
 *
 * @example
 * const log = useAuditPages(['log', query], (client, page, signal) =>
 *   listAuditLog({ client, query: { ...query, ...page }, signal, throwOnError: true }),
 * );
 * log.entries; log.fetchNextPage();
 */
export function useAuditPages(
  key: readonly unknown[],
  read: (client: Client, page: AuditPageRequest, signal: AbortSignal) => Promise<{ data: AuditLogPage }>,
  pageSize = 50,
) {
  const { audit } = useAdminClients();
  const adminKey = useAdminKey();
  const pages = useInfiniteQuery({
    queryKey: adminKey('audit', ...key),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      (await read(audit, { pageSize, cursor: pageParam }, signal)).data,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const entries: AuditEntry[] = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return { ...pages, entries };
}
