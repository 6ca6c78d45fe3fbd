import type { ListMembersResponse, ListRolesResponse } from '@codexion/contracts/tenancy/types';
import { type ApiRequest, useApi } from '@codexion/web';
import { type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useSession } from '../shell/session-context.js';

/**
 * The query key of admin data, under the session's tenant: the shell shares one query client
 * across tenants, and one tenant's members must never show in another's page.
 *
 * @example
 * const key = useAdminKey();
 * useQuery({ queryKey: key('members'), … });
 */
export function useAdminKey(): (...parts: unknown[]) => QueryKey {
  const { tenant } = useSession();
  return useCallback((...parts: unknown[]) => ['admin', tenant.id, ...parts], [tenant.id]);
}

/**
 * Marks admin data stale after a write, so every page showing it reloads it.
 *
 * @example
 * const invalidate = useInvalidateAdmin();
 * await invalidate('members', 'invitations');
 */
export function useInvalidateAdmin(): (...names: string[]) => Promise<void> {
  const queryClient = useQueryClient();
  const key = useAdminKey();
  return useCallback(
    async (...names: string[]) => {
      await Promise.all(names.map((name) => queryClient.invalidateQueries({ queryKey: key(name) })));
    },
    [key, queryClient],
  );
}

export interface AdminQueryOptions {
  query?: ApiRequest['query'];
  enabled?: boolean;
  refetchInterval?: number;
}

/**
 * A GET of the admin API (paths under `/api`: `tenancy/members`, `cortex/apps`), cached under
 * `name` (and the query) for the session's tenant.
 *
 * @example
 * const apps = useAdminQuery<ListAppsResponse>('apps', 'cortex/apps');
 */
export function useAdminQuery<T>(name: string, path: string, options: AdminQueryOptions = {}) {
  const { apiFetch } = useApi();
  const key = useAdminKey();
  const { query, enabled = true, refetchInterval } = options;
  return useQuery({
    queryKey: query === undefined ? key(name) : key(name, query),
    queryFn: async ({ signal }) => (await apiFetch<T>(path, { query, signal })).data,
    enabled,
    refetchInterval,
  });
}

/**
 * The tenant's members.
 *
 * @example
 * const members = useMembers();
 */
export function useMembers(enabled = true) {
  return useAdminQuery<ListMembersResponse>('members', 'tenancy/members', { enabled });
}

/**
 * The tenant's roles, built-in first.
 *
 * @example
 * const roles = useRoles();
 */
export function useRoles(enabled = true) {
  return useAdminQuery<ListRolesResponse>('roles', 'tenancy/roles', { enabled });
}
