import type { Client } from '@codexion/client';
import { client as auditApi } from '@codexion/contracts/audit/client.gen';
import { client as eventsApi } from '@codexion/contracts/events/client.gen';
import { client as jobsApi } from '@codexion/contracts/jobs/client.gen';
import { listMembers, listRoles } from '@codexion/contracts/tenancy/client';
import { client as tenancyApi } from '@codexion/contracts/tenancy/client.gen';
import { client as webhooksApi } from '@codexion/contracts/webhooks/client.gen';
import { useApi } from '@codexion/web';
import { type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { client as cortexApi } from '../../core/generated/client/client.gen.js';
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

/** The clients of the APIs the administration calls through their generated SDKs. */
export interface AdminClients {
  /** `@codexion/contracts/tenancy`: members, roles, the tenant */
  tenancy: Client;
  /** `@codexion/contracts/audit`: the log and a record's history */
  audit: Client;
  /** Cortex's own host API (`cortex/core`): apps, settings, invitations, tenants, system */
  cortex: Client;
  /** `@codexion/contracts/events`: the dead letters of event deliveries */
  events: Client;
  /** `@codexion/contracts/jobs`: queues, failed jobs, schedules */
  jobs: Client;
  /** `@codexion/contracts/webhooks`: endpoints, their secrets and delivery log */
  webhooks: Client;
}

/**
 * The administration's API clients, on the shell's fetch and session.
 *
 * @example
 * const { tenancy } = useAdminClients();
 * await removeMember({ client: tenancy, path: { userId }, throwOnError: true });
 */
export function useAdminClients(): AdminClients {
  const { clientFor } = useApi();
  return useMemo(
    () => ({
      tenancy: clientFor(tenancyApi),
      audit: clientFor(auditApi),
      cortex: clientFor(cortexApi),
      events: clientFor(eventsApi),
      jobs: clientFor(jobsApi),
      webhooks: clientFor(webhooksApi),
    }),
    [clientFor],
  );
}

export interface AdminQueryOptions {
  enabled?: boolean;
  refetchInterval?: number;
}

/**
 * A read of the admin APIs through their generated SDK, cached under `name` for the session's tenant.
 *
 * @example
 * const apps = useAdminQuery('apps', ({ cortex }, signal) => listApps({ client: cortex, signal, throwOnError: true }));
 */
export function useAdminQuery<T>(
  name: string,
  read: (clients: AdminClients, signal: AbortSignal) => Promise<{ data: T }>,
  options: AdminQueryOptions = {},
) {
  const clients = useAdminClients();
  const key = useAdminKey();
  const { enabled = true, refetchInterval } = options;
  return useQuery({
    queryKey: key(name),
    queryFn: async ({ signal }) => (await read(clients, signal)).data,
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
  return useAdminQuery(
    'members',
    ({ tenancy }, signal) => listMembers({ client: tenancy, signal, throwOnError: true }),
    { enabled },
  );
}

/**
 * The tenant's roles, built-in first.
 *
 * @example
 * const roles = useRoles();
 */
export function useRoles(enabled = true) {
  return useAdminQuery(
    'roles',
    ({ tenancy }, signal) => listRoles({ client: tenancy, signal, throwOnError: true }),
    { enabled },
  );
}
