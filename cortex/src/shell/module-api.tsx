import { ApiProvider, type HeyApiClientLike } from '@codexion/web';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useShell } from './shell-context.js';

const noClients: HeyApiClientLike[] = [];

/**
 * A module's API for what is below: its root (`/api/crm`, the admin module's `/api`), its generated
 * clients pointed there, and the shell's one query client.
 *
 * @example
 * <ModuleApi name="crm"><Outlet /></ModuleApi>
 */
export function ModuleApi({ name, children }: { name: string; children: ReactNode }) {
  const { loader, fetch: fetchImpl } = useShell();
  const queryClient = useQueryClient();
  const baseUrl = loader.entry(name)?.apiBaseUrl ?? `/api/${name}`;
  return (
    <ApiProvider
      baseUrl={baseUrl}
      clients={loader.get(name)?.clients ?? noClients}
      fetch={fetchImpl}
      queryClient={queryClient}
    >
      {children}
    </ApiProvider>
  );
}
