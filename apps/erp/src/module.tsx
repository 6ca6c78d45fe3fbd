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
import manifest from '../core/app.json' with { type: 'json' };
import { erp } from './entities.js';
import de from './i18n/de.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };

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
  routes: erp.entities.flatMap((entity) =>
    createResourceRoutes(entity, documents.has(entity.name) ? { detailSlots: documentSlots } : {}),
  ),
  entities: erp,
  translations: { en, de },
});
