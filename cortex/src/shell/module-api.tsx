import { ApiProvider } from '@codexion/web';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useShell } from './shell-context.js';

/**
 * A module's API for what is below: its root (what its generated client names: the CRM's, or for the
 * admin module Cortex's host API), the client its generated SDK is called through, and the shell's
 * one query client.
 *
 * @example
 * <ModuleApi name="crm"><Outlet /></ModuleApi>
 */
export function ModuleApi({ name, children }: { name: string; children: ReactNode }) {
  const { loader, fetch: fetchImpl } = useShell();
  const queryClient = useQueryClient();
  const baseUrl = loader.get(name)?.apiBaseUrl ?? '';
  return (
    <ApiProvider baseUrl={baseUrl} fetch={fetchImpl} queryClient={queryClient}>
      {children}
    </ApiProvider>
  );
}
