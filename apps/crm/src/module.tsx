import { createResourceRoutes, defineAppModule } from '@codexion/web';
import {
  Building2,
  CalendarCheck,
  Handshake,
  KanbanSquare,
  LayoutDashboard,
  Settings,
  Users,
} from 'lucide-react';
import { Navigate } from 'react-router';
import { crm } from './entities.js';
import de from './i18n/de.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };

export { crm as entities } from './entities.js';

/** The detail pages' additions (timeline, win/lose, convert, merge) load with the detail page. */
const slots = () => import('./components/record-detail-slots.js');

/**
 * The CRM module: a dashboard, the pipeline board, companies, people, deals and activities with
 * their generated pages (plus a timeline, outcome, conversion and merge on the records), and the
 * pipelines, stages and tags behind Settings. Standalone (src/main.tsx) or in Cortex under /crm/*.
 */
export default defineAppModule({
  name: 'crm',
  title: 'CRM',
  icon: Handshake,
  routes: [
    {
      index: true,
      lazy: async () => {
        const { DashboardPage } = await import('./pages/dashboard-page.js');
        return { element: <DashboardPage /> };
      },
    },
    // the manifest's /pipeline: the board lives with the deals it moves
    { path: 'pipeline', element: <Navigate to="../deals/board" replace /> },
    ...createResourceRoutes(crm.entity('deal'), {
      detailSlots: () => slots().then((m) => m.dealDetailSlots),
    }),
    ...createResourceRoutes(crm.entity('company'), {
      detailSlots: () => slots().then((m) => m.companyDetailSlots),
    }),
    ...createResourceRoutes(crm.entity('person'), {
      detailSlots: () => slots().then((m) => m.personDetailSlots),
    }),
    ...createResourceRoutes(crm.entity('activity')),
    {
      path: 'settings',
      lazy: async () => {
        const { SettingsPage } = await import('./pages/settings-page.js');
        return { element: <SettingsPage /> };
      },
    },
    ...createResourceRoutes(crm.entity('pipeline')),
    ...createResourceRoutes(crm.entity('stage')),
    ...createResourceRoutes(crm.entity('tag')),
  ],
  nav: [
    {
      label: 'Dashboard',
      labelKey: 'nav.dashboard',
      path: '',
      icon: LayoutDashboard,
      permission: 'crm:deal:read',
    },
    {
      label: 'Pipeline',
      labelKey: 'nav.pipeline',
      path: 'deals/board',
      icon: KanbanSquare,
      permission: 'crm:deal:read',
    },
    { label: 'Deals', labelKey: 'nav.deals', path: 'deals', icon: Handshake, permission: 'crm:deal:read' },
    {
      label: 'Companies',
      labelKey: 'nav.companies',
      path: 'companies',
      icon: Building2,
      permission: 'crm:company:read',
    },
    { label: 'People', labelKey: 'nav.people', path: 'people', icon: Users, permission: 'crm:person:read' },
    {
      label: 'Activities',
      labelKey: 'nav.activities',
      path: 'activities',
      icon: CalendarCheck,
      permission: 'crm:activity:read',
    },
    {
      label: 'Settings',
      labelKey: 'nav.settings',
      path: 'settings',
      icon: Settings,
      permission: 'crm:pipeline:update',
    },
  ],
  translations: { en, de },
  shellActions: () => import('./components/crm-shell-actions.js').then((m) => m.CrmShellActions),
});
