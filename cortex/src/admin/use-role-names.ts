import { usePermissions, useTranslation } from '@codexion/web';
import { useCallback, useMemo } from 'react';
import { useRoles } from './admin-queries.js';

/** The four roles every tenant has (framework/server/src/tenancy/built-in-roles.ts). */
export const builtInRoleKeys: readonly string[] = ['owner', 'admin', 'member', 'viewer'];

/**
 * A role's name in the user's language: the built-in roles' from the admin catalog (the server
 * names them in English), the tenant's own as they were named.
 *
 * @example
 * roleDisplayName({ key: 'viewer', name: 'Viewer', builtIn: true }, t) // 'Betrachter' in German
 */
export function roleDisplayName(
  role: { key: string; name: string; builtIn: boolean },
  t: (key: string, options: { defaultValue: string }) => string,
): string {
  return role.builtIn ? t(`roles.builtIn.${role.key}`, { defaultValue: role.name }) : role.name;
}

export interface RoleOption {
  key: string;
  name: string;
}

/**
 * The tenant's roles to pick from and a role key's name: from `tenancy/roles` when the session
 * may read it, else the built-in ones under their translated names.
 *
 * @example
 * const { options, nameOf } = useRoleNames();
 * nameOf('admin') // 'Admin'
 */
export function useRoleNames(): { options: RoleOption[]; nameOf: (key: string) => string } {
  const { t } = useTranslation('admin');
  const { can } = usePermissions();
  const roles = useRoles(can('prefiq:role:read'));
  const options = useMemo<RoleOption[]>(
    () =>
      roles.data?.items.map((role) => ({ key: role.key, name: roleDisplayName(role, t) })) ??
      builtInRoleKeys.map((key) => ({ key, name: t(`roles.builtIn.${key}`) })),
    [roles.data, t],
  );
  const nameOf = useCallback(
    (key: string) => options.find((option) => option.key === key)?.name ?? key,
    [options],
  );
  return { options, nameOf };
}
