import { createResourceRoutes, defineAppModule } from '@codexion/web';
import {
  BadgePercent,
  Boxes,
  CreditCard,
  FolderTree,
  Globe,
  Layers,
  Library,
  Package,
  Percent,
  Receipt,
  Settings,
  ShoppingBag,
  ShoppingCart,
  Tag,
  Tags,
  Users,
  UsersRound,
  Warehouse,
} from 'lucide-react';
import manifest from '../core/app.json' with { type: 'json' };
import pricingDe from '../core/pricing/messages.de.json' with { type: 'json' };
import pricingEn from '../core/pricing/messages.en.json' with { type: 'json' };
import { ecommerce } from './entities.js';
import de from './i18n/de.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };

export { ecommerce as entities } from './entities.js';

/**
 * The E-commerce module: the catalog (products with their variants and status buttons, variants,
 * categories, collections) and the customers with their groups, as generated pages. Standalone (src/main.tsx) or mounted by Cortex under /ecommerce/*, which finds
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
    tags: Tags,
    tag: Tag,
    globe: Globe,
    percent: Percent,
    'badge-percent': BadgePercent,
    receipt: Receipt,
    'shopping-cart': ShoppingCart,
    'credit-card': CreditCard,
    boxes: Boxes,
    warehouse: Warehouse,
    settings: Settings,
  },
  routes: ecommerce.entities.flatMap((entity) =>
    entity.name === 'product'
      ? createResourceRoutes(entity, {
          detailSlots: () => import('./products/product-detail-slots.js').then((m) => m.productDetailSlots),
        })
      : createResourceRoutes(entity),
  ),
  entities: ecommerce,
  // the pricing engine's explanations and rejections (`pricing.*`) come with the app's own strings
  translations: { en: { ...en, ...pricingEn }, de: { ...de, ...pricingDe } },
});
