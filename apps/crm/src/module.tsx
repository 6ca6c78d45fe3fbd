import { createResourceRoutes, defineAppModule } from '@codexion/web';
import {
  Building2,
  CalendarCheck,
  Handshake,
  LayoutDashboard,
  Settings,
  SquareKanban,
  Users,
} from 'lucide-react';
import manifest from '../core/app.json' with { type: 'json' };
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
 * Its name, title, icon and navigation are core/app.json's; the search finds deals, companies,
 * people and activities (the entities with search fields that have a page in the navigation).
 */
export default defineAppModule({
  manifest,
  icons: {
    handshake: Handshake,
    'layout-dashboard': LayoutDashboard,
    'square-kanban': SquareKanban,
    'building-2': Building2,
    users: Users,
    'calendar-check': CalendarCheck,
    settings: Settings,
  },
  routes: [
    {
      index: true,
      lazy: async () => {
        const { DashboardPage } = await import('./pages/dashboard-page.js');
        return { element: <DashboardPage /> };
      },
    },
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
  entities: crm,
  translations: { en, de },
  shellActions: () => import('./components/crm-shell-actions.js').then((m) => m.CrmShellActions),
});
