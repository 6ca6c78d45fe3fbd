import type { IconComponent, ModuleManifest } from '@codexion/web';
import {
  Activity,
  Blocks,
  Building2,
  Inbox,
  ListChecks,
  ScrollText,
  Settings,
  ShieldCheck,
  Users,
  Webhook,
} from 'lucide-react';

/**
 * The `x-codexion-permission` of the audit API's operations (framework/contracts/audit/actions,
 * `auditReadPermission` of the server package, which the browser bundle cannot import): the name
 * stands here once.
 */
export const auditReadPermission = 'prefiq:audit:read';

/**
 * The administration described as an app's `core/app.json` describes its module: the admin pages
 * in the sidebar, each shown only to a session holding its read permission. It is the shell's own
 * module over the framework's and Cortex's APIs, not an app, so this is its one declaration.
 */
export const adminManifest = {
  name: 'admin',
  title: 'Administration',
  icon: 'shield-check',
  nav: [
    { label: 'Users', path: '/users', icon: 'users', permission: 'prefiq:member:read' },
    { label: 'Roles', path: '/roles', icon: 'shield-check', permission: 'prefiq:role:read' },
    { label: 'Tenants', path: '/tenants', icon: 'building-2', permission: 'prefiq:tenant:read' },
    { label: 'Apps', path: '/apps', icon: 'blocks', permission: 'cortex:app:manage' },
    { label: 'Settings', path: '/settings', icon: 'settings', permission: 'cortex:setting:update' },
    { label: 'Audit log', path: '/audit', icon: 'scroll-text', permission: auditReadPermission },
    { label: 'Jobs', path: '/jobs', icon: 'list-checks', permission: 'prefiq:jobs:read' },
    { label: 'Dead letters', path: '/dead-letters', icon: 'inbox', permission: 'prefiq:events:manage' },
    { label: 'Webhooks', path: '/webhooks', icon: 'webhook', permission: 'prefiq:webhooks:read' },
    { label: 'System health', path: '/health', icon: 'activity', permission: 'cortex:system:read' },
  ],
} satisfies ModuleManifest;

/** The components of the icon names the admin manifest uses. */
export const adminIcons: Readonly<Record<string, IconComponent>> = {
  activity: Activity,
  blocks: Blocks,
  'building-2': Building2,
  'list-checks': ListChecks,
  inbox: Inbox,
  'scroll-text': ScrollText,
  settings: Settings,
  'shield-check': ShieldCheck,
  users: Users,
  webhook: Webhook,
};
