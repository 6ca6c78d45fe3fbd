import { defineAppModule } from '@codexion/web';
import { AdminIndex, AdminLayout } from './admin-layout.js';
import { adminIcons, adminManifest } from './admin-nav.js';
import de from './i18n/de.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };

/**
 * Cortex's administration, mounted by the shell under `/admin/*` on the `/api` root: users and
 * invitations, roles and their permissions, tenants, apps, settings and theme, the audit log,
 * jobs, the events' dead letters and the system's health. Each page loads on its first visit.
 */
export default defineAppModule({
  manifest: adminManifest,
  icons: adminIcons,
  routes: [
    {
      element: <AdminLayout />,
      children: [
        { index: true, element: <AdminIndex /> },
        {
          path: 'users',
          lazy: async () => {
            const { UsersPage } = await import('./users-page.js');
            return { element: <UsersPage /> };
          },
        },
        {
          path: 'roles',
          lazy: async () => {
            const { RolesPage } = await import('./roles-page.js');
            return { element: <RolesPage /> };
          },
        },
        {
          path: 'tenants',
          lazy: async () => {
            const { TenantsPage } = await import('./tenants-page.js');
            return { element: <TenantsPage /> };
          },
        },
        {
          path: 'apps',
          lazy: async () => {
            const { AppsPage } = await import('./apps-page.js');
            return { element: <AppsPage /> };
          },
        },
        {
          path: 'settings',
          lazy: async () => {
            const { SettingsPage } = await import('./settings-page.js');
            return { element: <SettingsPage /> };
          },
        },
        {
          path: 'audit',
          lazy: async () => {
            const { AuditPage } = await import('./audit-page.js');
            return { element: <AuditPage /> };
          },
        },
        {
          path: 'audit/:entity/:id',
          lazy: async () => {
            const { AuditHistoryPage } = await import('./audit-history-page.js');
            return { element: <AuditHistoryPage /> };
          },
        },
        {
          path: 'jobs',
          lazy: async () => {
            const { JobsPage } = await import('./jobs-page.js');
            return { element: <JobsPage /> };
          },
        },
        {
          path: 'dead-letters',
          lazy: async () => {
            const { DeadLettersPage } = await import('./dead-letters-page.js');
            return { element: <DeadLettersPage /> };
          },
        },
        {
          path: 'webhooks',
          lazy: async () => {
            const { WebhooksPage } = await import('./webhooks-page.js');
            return { element: <WebhooksPage /> };
          },
        },
        {
          path: 'health',
          lazy: async () => {
            const { HealthPage } = await import('./health-page.js');
            return { element: <HealthPage /> };
          },
        },
      ],
    },
  ],
  translations: { en, de },
});
