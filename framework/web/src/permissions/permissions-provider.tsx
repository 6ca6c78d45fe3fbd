import { createContext, type ReactNode, useContext, useMemo } from 'react';

export interface Permissions {
  /** whether the session may do `app:resource:action` */
  can(permission: string): boolean;
}

/**
 * Whether a granted permission covers a wanted one: `*` covers everything, `sales:*` the whole
 * app, `sales:account:*` every action on accounts.
 *
 * @example
 * permissionCovers('sales:*', 'sales:account:create') // true
 */
export function permissionCovers(granted: string, wanted: string): boolean {
  if (granted === '*' || granted === wanted) return true;
  if (!granted.endsWith(':*')) return false;
  return wanted.startsWith(granted.slice(0, -1));
}

/**
 * Builds the permission check of a session from its granted permissions.
 *
 * @example
 * createPermissions(['sales:account:read']).can('sales:account:delete') // false
 */
export function createPermissions(granted: Iterable<string>): Permissions {
  const list = [...new Set(granted)];
  const exact = new Set(list);
  const wildcards = list.filter((permission) => permission.endsWith('*'));
  return {
    can: (wanted) => exact.has(wanted) || wildcards.some((granted) => permissionCovers(granted, wanted)),
  };
}

// Without a provider everything is allowed: the server is the one that enforces; the UI only hides.
const PermissionsContext = /* @__PURE__ */ createContext<Permissions>(
  /* @__PURE__ */ createPermissions(['*']),
);

export interface PermissionsProviderProps {
  /** the session's `app:resource:action` permissions; `*` grants all */
  permissions: Iterable<string>;
  children: ReactNode;
}

/**
 * Tells the pages below what the session may do, so they hide or disable what it may not.
 *
 * @example
 * <PermissionsProvider permissions={session.permissions}>{app}</PermissionsProvider>
 */
export function PermissionsProvider({ permissions, children }: PermissionsProviderProps) {
  const value = useMemo(() => createPermissions(permissions), [permissions]);
  return <PermissionsContext.Provider value={value}>{children}</PermissionsContext.Provider>;
}

/**
 * The session's permission check.
 *
 * @example
 * const { can } = usePermissions();
 * if (can('sales:account:delete')) ...
 */
export function usePermissions(): Permissions {
  return useContext(PermissionsContext);
}
