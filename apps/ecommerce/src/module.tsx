import { createResourceRoutes, defineAppModule } from '@codexion/web';
import {
  Boxes,
  CreditCard,
  FolderTree,
  Layers,
  Library,
  Package,
  Receipt,
  Settings,
  ShoppingBag,
  ShoppingCart,
  Users,
  UsersRound,
  Warehouse,
} from 'lucide-react';
import manifest from '../core/app.json' with { type: 'json' };
import { ecommerce } from './entities.js';

export { ecommerce as entities } from './entities.js';

/**
 * The E-commerce module: standalone (src/main.tsx) or mounted by Cortex under /ecommerce/*, which finds
 * it without being told. Its name, title, icon and navigation are core/app.json's; Cortex's search
 * finds the entities with search fields that have a page in that navigation.
 */
export default defineAppModule({
  manifest,
  icons: {
    'shopping-bag': ShoppingBag,
    package: Package,
    layers: Layers,
    'folder-tree': FolderTree,
    library: Library,
    users: Users,
    'users-round': UsersRound,
    receipt: Receipt,
    'shopping-cart': ShoppingCart,
    'credit-card': CreditCard,
    boxes: Boxes,
    warehouse: Warehouse,
    settings: Settings,
  },
  routes: ecommerce.entities.flatMap((entity) => createResourceRoutes(entity)),
  entities: ecommerce,
});
