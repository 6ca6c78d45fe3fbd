import type { Permission } from '@codexion/contracts/tenancy/types';
import { permissionCovers } from '@codexion/web';

/** The permissions of one app's resource (`crm` · `deal`), in catalogue order. */
export interface PermissionGroup {
  /** `crm:deal` */
  id: string;
  app: string;
  resource: string;
  permissions: Permission[];
}

/**
 * The catalogue grouped by app and resource, in catalogue order, keeping only the permissions
 * that match `filter` (in the name, the description or the group's name; case-insensitive).
 *
 * @example
 * groupPermissions([{ name: 'crm:deal:read', kind: 'crud', app: 'crm' }], 'deal')
 * // [{ id: 'crm:deal', app: 'crm', resource: 'deal', permissions: [...] }]
 */
export function groupPermissions(catalog: readonly Permission[], filter = ''): PermissionGroup[] {
  const needle = filter.trim().toLowerCase();
  const groups = new Map<string, PermissionGroup>();
  for (const permission of catalog) {
    const [, resource = ''] = permission.name.split(':');
    const id = `${permission.app}:${resource}`;
    const haystack = `${permission.name} ${permission.description ?? ''} ${permission.app} ${resource}`;
    if (needle !== '' && !haystack.toLowerCase().includes(needle)) continue;
    let group = groups.get(id);
    if (group === undefined) {
      group = { id, app: permission.app, resource, permissions: [] };
      groups.set(id, group);
    }
    group.permissions.push(permission);
  }
  return [...groups.values()];
}

/**
 * What a permission lets do within its group: the name without `app:resource:`
 * (`read`, `owner-id:write`).
 *
 * @example
 * permissionAction('crm:deal:owner-id:write') // 'owner-id:write'
 */
export function permissionAction(name: string): string {
  return name.split(':').slice(2).join(':') || name;
}

/**
 * Whether a role's granted permissions (names and wildcards) cover `name`.
 *
 * @example
 * isGranted(['crm:*'], 'crm:deal:read') // true
 */
export function isGranted(granted: readonly string[], name: string): boolean {
  return granted.some((permission) => permissionCovers(permission, name));
}

/**
 * A role's permissions with `names` granted too (those already covered stay as they are).
 *
 * @example
 * withPermissions(['crm:deal:read'], ['crm:deal:update']) // ['crm:deal:read', 'crm:deal:update']
 */
export function withPermissions(granted: readonly string[], names: readonly string[]): string[] {
  const result = [...granted];
  for (const name of names) if (!isGranted(result, name)) result.push(name);
  return result;
}

/**
 * A role's permissions without `names`. A wildcard covering one of them is spelled out into the
 * catalogue entries it covers, less the ones taken away, so the rest of what it granted stays.
 *
 * @example
 * withoutPermissions(['crm:deal:*'], ['crm:deal:delete'], catalog)
 * // ['crm:deal:read', 'crm:deal:create', 'crm:deal:update', …]
 */
export function withoutPermissions(
  granted: readonly string[],
  names: readonly string[],
  catalog: readonly Permission[],
): string[] {
  const removed = new Set(names);
  const result: string[] = [];
  for (const permission of granted) {
    if (removed.has(permission)) continue;
    if (![...removed].some((name) => permissionCovers(permission, name))) {
      result.push(permission);
      continue;
    }
    for (const entry of catalog) {
      if (
        !removed.has(entry.name) &&
        permissionCovers(permission, entry.name) &&
        !result.includes(entry.name)
      )
        result.push(entry.name);
    }
  }
  return result;
}
