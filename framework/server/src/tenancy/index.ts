// @codexion/framework/tenancy: tenants, roles, members and row-level security (docs/adr/0024)
export {
  type Access,
  type AccessRefusal,
  type AccessRefusalCode,
  isRefusal,
  refusalError,
} from './access.js';
export { type AccessPermissionsOptions, accessPermissions, withRoles } from './access-permissions.js';
export { appendOnlyTables } from './append-only-tables.js';
export {
  type BuiltInRole,
  builtInPermissions,
  builtInRoles,
  ownerOnlyPermissions,
} from './built-in-roles.js';
export {
  createTenancy,
  type Tenancy,
  type TenancyOptions,
  TenancyToken,
  tenancyPort,
} from './create-tenancy.js';
export {
  ensureRowLevelSecurity,
  kernelTenantTables,
  type RowSecurityReport,
  type RowSecurityScope,
  requireRowLevelSecurity,
  type TenantTableState,
  tenantPolicy,
  tenantRole,
  tenantTables,
} from './ensure-row-level-security.js';
export type { Member } from './member-admin.js';
export {
  type CatalogEntry,
  fieldPermission,
  type PermissionCatalog,
  type PermissionKind,
  permissionCatalog,
  piiPermission,
} from './permission-catalog.js';
export type { Role, RoleInput } from './role-admin.js';
export { tenancyListLimit } from './tenancy-list-limit.js';
export { type TenancyHttpPluginOptions, tenancyHttpPlugin } from './tenancy-routes.js';
export type { AdminContext, TenancyEvent, TenancyEventWriter } from './tenancy-state.js';
export type { TenantStatus } from './tenancy-tables.js';
export { type CreateTenantInput, type Membership, type Tenant, tenantCreatedEvent } from './tenant-admin.js';
