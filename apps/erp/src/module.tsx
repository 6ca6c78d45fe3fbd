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
  routes: erp.entities.flatMap((entity) => createResourceRoutes(entity)),
  entities: erp,
});
