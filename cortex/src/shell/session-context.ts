import type { SessionTenant, SessionUser } from '@codexion/web';
import { createContext, useContext } from 'react';

/** An app the host runs, and whether it is on for the current tenant (`/api/cortex/apps`). */
export interface SessionApp {
  name: string;
  title: string;
  description: string;
  version: string;
  icon: string | null;
  enabled: boolean;
  removable: boolean;
  permissions: { name: string; description: string }[];
}

/** The tenant's display settings (`/api/cortex/display-settings`), which the shell applies. */
export interface TenantSettings {
  locale: string;
  timeZone: string;
  currency: string;
  theme: { light?: Record<string, string>; dark?: Record<string, string> };
}

/** What the shell knows about the session; admin pages read it with {@link useSession}. */
export interface SessionValue {
  user: SessionUser;
  /** the tenant the session acts in */
  tenant: SessionTenant;
  tenants: SessionTenant[];
  roles: string[];
  permissions: string[];
  /** every app the host runs (without Cortex itself); empty when the user may not read them */
  apps: SessionApp[];
  settings: TenantSettings;
  /** reloads me, memberships, apps and settings (after an admin change) */
  refresh(): Promise<void>;
  /** switches the session's tenant and reloads the shell */
  switchTenant(tenantId: string): Promise<void>;
  logout(): Promise<void>;
}

export const SessionContext = /* @__PURE__ */ createContext<SessionValue | null>(null);

/**
 * The current session, from the shell's session provider.
 *
 * @example
 * const { tenant, permissions, refresh } = useSession();
 */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() needs the Cortex session provider above it');
  return value;
}
