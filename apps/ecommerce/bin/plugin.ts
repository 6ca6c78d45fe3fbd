import { developmentTenantId } from '@codexion/framework/foundation';
import type { AppManifest } from '@codexion/schema';
import manifest from '../core/app.json' with { type: 'json' };
import { tables } from '../core/generated/tables.js';
import { checkoutCart, recoverCheckoutsJob } from './checkout/checkout-action.js';
import { ecommerce } from './ecommerce.js';
import { seedDemoCatalog } from './fixtures/seed-demo-catalog.js';
import { seedDemoPromotions } from './fixtures/seed-demo-promotions.js';
import { catalogHooks } from './hooks/catalog-hooks.js';
import { checkoutHooks } from './hooks/checkout-hooks.js';
import { releaseExpiredReservationsJob } from './inventory/release-expired-reservations.js';
import { pricingActions } from './pricing/pricing-actions.js';
import { pricingHooks } from './pricing/pricing-hooks.js';

/** The kit typed by the app's contract (`bin/ecommerce.ts`), under the scaffold's name. */
export { ecommerce as app } from './ecommerce.js';

/**
 * The E-commerce app's backend: its resources from core/, the catalog's hooks (variants that
 * fit their product's options, barcodes with their check digit, a published product always
 * sellable, the category tree without loops, handles made from titles), the demo catalog,
 * pricing's price-cart action and its price-list and promotion checks, checkout's hooks (carts checked against the shop, orders and payments from checkout only, stock
 * never below what is reserved), the checkout saga action and the jobs that release lapsed cart
 * holds and recover checkouts whose node died.
 */
export default ecommerce.definePlugin({
  manifest: manifest as unknown as AppManifest,
  root: new URL('..', import.meta.url),
  resources: tables,
  hooks: { ...catalogHooks(), ...pricingHooks(), ...checkoutHooks() },
  // prices, taxes and promotions (price-cart), and the checkout saga
  actions: { ...pricingActions(), checkoutCart },
  jobs: [releaseExpiredReservationsJob, recoverCheckoutsJob],
  // the demo catalog of bin/fixtures/generate-demo-catalog.ts (with its prices, stock and regions) and
  // the demo promotions (bin/fixtures/seed-demo-promotions.ts), in the development (demo) tenant only
  seed: async (ctx) => {
    if (ctx.tenantId !== developmentTenantId) return;
    await seedDemoCatalog(ctx);
    await seedDemoPromotions(ctx);
  },
});
