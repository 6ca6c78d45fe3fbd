import type { ModuleNavItem } from '@codexion/web';
import { Activity, Blocks, Building2, ScrollText, Settings, ShieldCheck, Users } from 'lucide-react';

/**
 * The `x-codexion-permission` of the audit API's operations (framework/contracts/audit/actions,
 * `auditReadPermission` of the server package, which the browser bundle cannot import): the name
 * stands here once.
 */
export const auditReadPermission = 'prefiq:audit:read';

/** The admin pages in the sidebar, each shown only to a session holding its read permission. */
export const adminNav: ModuleNavItem[] = [
  { label: 'Users', labelKey: 'nav.users', path: 'users', icon: Users, permission: 'prefiq:member:read' },
  { label: 'Roles', labelKey: 'nav.roles', path: 'roles', icon: ShieldCheck, permission: 'prefiq:role:read' },
  {
    label: 'Tenants',
    labelKey: 'nav.tenants',
    path: 'tenants',
    icon: Building2,
    permission: 'prefiq:tenant:read',
  },
  { label: 'Apps', labelKey: 'nav.apps', path: 'apps', icon: Blocks, permission: 'cortex:app:manage' },
  {
    label: 'Settings',
    labelKey: 'nav.settings',
    path: 'settings',
    icon: Settings,
    permission: 'cortex:setting:update',
  },
  {
    label: 'Audit log',
    labelKey: 'nav.audit',
    path: 'audit',
    icon: ScrollText,
    permission: auditReadPermission,
  },
  {
    label: 'System health',
    labelKey: 'nav.health',
    path: 'health',
    icon: Activity,
    permission: 'cortex:system:read',
  },
];
