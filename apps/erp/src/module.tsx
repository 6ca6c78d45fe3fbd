import { createResourceRoutes, defineAppModule } from '@codexion/web';
import {
  Banknote,
  BookOpen,
  Boxes,
  ChartColumn,
  Contact,
  FileInput,
  Landmark,
  LayoutDashboard,
  ListTree,
  Package,
  Receipt,
} from 'lucide-react';
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import manifest from '../core/app.json' with { type: 'json' };
import { erp } from './entities.js';
import de from './i18n/de.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };

/** An item's stock per warehouse and its stock ledger load with its detail page. */
const itemSlots = () => import('./stock/item-detail-slots.js').then((m) => m.itemDetailSlots);

/** A page of the app's own, its code loaded when it is first visited. */
function page(route: { index: true } | { path: string }, load: () => Promise<ComponentType>): RouteObject {
  return {
    ...route,
    lazy: async () => {
      const Page = await load();
      return { element: <Page /> };
    },
  } as RouteObject;
}

/** The documents with lines: Post/Cancel and the line table load with their detail page. */
const documents = new Set(['journal-entry', 'sales-invoice', 'purchase-invoice', 'payment', 'stock-entry']);
const documentSlots = () => import('./documents/document-detail-slots.js').then((m) => m.documentDetailSlots);

/**
 * The ERP module: standalone (src/main.tsx) or mounted by Cortex under /erp/*, which finds it
 * without being told. Its name, title, icon and navigation are core/app.json's.
 */
export default defineAppModule({
  manifest,
  icons: {
    landmark: Landmark,
    'layout-dashboard': LayoutDashboard,
    receipt: Receipt,
    'file-input': FileInput,
    banknote: Banknote,
    'book-open': BookOpen,
    'chart-column': ChartColumn,
    package: Package,
    boxes: Boxes,
    'list-tree': ListTree,
    contact: Contact,
  },
  routes: [
    page({ index: true }, () => import('./pages/dashboard-page.js').then((m) => m.DashboardPage)),
    page({ path: 'reports' }, () => import('./pages/reports-page.js').then((m) => m.ReportsPage)),
    page({ path: 'reports/trial-balance' }, () =>
      import('./pages/trial-balance-page.js').then((m) => m.TrialBalancePage),
    ),
    page({ path: 'reports/general-ledger' }, () =>
      import('./pages/general-ledger-page.js').then((m) => m.GeneralLedgerPage),
    ),
    page({ path: 'reports/profit-and-loss' }, () =>
      import('./pages/profit-and-loss-page.js').then((m) => m.ProfitAndLossPage),
    ),
    page({ path: 'reports/balance-sheet' }, () =>
      import('./pages/balance-sheet-page.js').then((m) => m.BalanceSheetPage),
    ),
    page({ path: 'reports/aging' }, () => import('./pages/aging-page.js').then((m) => m.AgingPage)),
    page({ path: 'reports/stock-balance' }, () =>
      import('./pages/stock-balance-page.js').then((m) => m.StockBalancePage),
    ),
    ...erp.entities.flatMap((entity) =>
      createResourceRoutes(
        entity,
        documents.has(entity.name)
          ? { detailSlots: documentSlots }
          : entity.name === 'item'
            ? { detailSlots: itemSlots }
            : {},
      ),
    ),
  ],
  entities: erp,
  translations: { en, de },
});
