import type { CatalogEntry, PermissionCatalog } from './permission-catalog.js';

/** The roles every tenant has; apps' record policies name them (`"roles": ["member"]`). */
export const builtInRoles = ['owner', 'admin', 'member', 'viewer'] as const;

export type BuiltInRole = (typeof builtInRoles)[number];

export const builtInRoleNames: Readonly<Record<BuiltInRole, string>> = {
  owner: 'Owner',
  admin: 'Admin',
  member: 'Member',
  viewer: 'Viewer',
};

/** Framework permissions only an owner holds: giving the tenant away, and switching it off. */
export const ownerOnlyPermissions: ReadonlySet<string> = new Set([
  'prefiq:tenant:transfer',
  'prefiq:tenant:suspend',
]);

/** Framework permissions every member of a tenant holds. */
const everyMember: ReadonlySet<string> = new Set(['prefiq:tenant:read']);

export function isBuiltInRole(key: string): key is BuiltInRole {
  return (builtInRoles as readonly string[]).includes(key);
}

/**
 * Whether a built-in role holds a catalogue permission. The one place the built-in roles are
 * defined:
 * - owner: everything (`*`), the tenant's administration included
 * - admin: every app permission (CRUD, actions, fields, personal data) and the framework's (members,
 *   roles, audit), but not transferring ownership or suspending the tenant
 * - member: read, create, update and delete on every app entity (delete narrowed to their own
 *   records by a record policy), protected fields to read but not to write, personal data; no
 *   app action beyond CRUD, no administration
 * - viewer: read on every app entity; no personal data, no protected fields
 */
function holds(role: BuiltInRole, entry: CatalogEntry): boolean {
  if (everyMember.has(entry.name)) return true;
  switch (role) {
    case 'owner':
      return true;
    case 'admin':
      return !ownerOnlyPermissions.has(entry.name);
    case 'member':
      return (
        entry.kind === 'crud' || entry.kind === 'pii' || (entry.kind === 'field' && entry.verb === 'read')
      );
    case 'viewer':
      return entry.kind === 'crud' && entry.verb === 'read';
  }
}

/**
 * The permissions of a built-in role, expanded against the catalogue (the owner's is `*`).
 *
 * @example
 * builtInPermissions('viewer', catalog) // Set { 'sales:account:read', 'sales:opportunity:read', 'prefiq:tenant:read' }
 */
export function builtInPermissions(role: BuiltInRole, catalog: PermissionCatalog): ReadonlySet<string> {
  if (role === 'owner') return new Set(['*']);
  return new Set(catalog.entries.filter((entry) => holds(role, entry)).map((entry) => entry.name));
}

/** The same, as the list the roles API shows: the owner's spelled out too. */
export function builtInPermissionList(role: BuiltInRole, catalog: PermissionCatalog): string[] {
  return catalog.entries.filter((entry) => holds(role, entry)).map((entry) => entry.name);
}
