/**
 * The permission both operations of the audit API need: their `x-codexion-permission` in
 * `framework/contracts/audit/actions/`, and what the role matrix grants Owners and Admins.
 *
 * @example
 * hasPermission(granted, auditReadPermission) // may the caller read the tenant's audit log?
 */
export const auditReadPermission = 'prefiq:audit:read';
