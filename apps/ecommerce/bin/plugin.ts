import { developmentTenantId } from '@codexion/framework/foundation';
import type { AppManifest } from '@codexion/schema';
import manifest from '../core/app.json' with { type: 'json' };
import { tables } from '../core/generated/tables.js';
import { ecommerce } from './ecommerce.js';
import { seedDemoCatalog } from './fixtures/seed-demo-catalog.js';
import { seedDemoPricing } from './fixtures/seed-demo-pricing.js';
import { catalogHooks } from './hooks/catalog-hooks.js';
import { pricingActions } from './pricing/pricing-actions.js';
import { pricingHooks } from './pricing/pricing-hooks.js';

/** The kit typed by the app's contract (`bin/ecommerce.ts`), under the scaffold's name. */
export { ecommerce as app } from './ecommerce.js';

/**
 * The E-commerce app's backend: its resources from core/, and the catalog's hooks (variants that
 * fit their product's options, barcodes with their check digit, a published product always
 * sellable, the category tree without loops, handles made from titles), and the demo catalog.
 */
export default ecommerce.definePlugin({
  manifest: manifest as unknown as AppManifest,
  root: new URL('..', import.meta.url),
  resources: tables,
  // prices, taxes and promotions: the price-cart action and the promotion and price-list checks
  actions: { ...pricingActions() },
  hooks: { ...catalogHooks(), ...pricingHooks() },
  // the demo catalog of bin/fixtures/generate-demo-catalog.ts and its prices, taxes and promotions
  // (bin/fixtures/seed-demo-pricing.ts), in the development (demo) tenant only
  seed: async (ctx) => {
    if (ctx.tenantId !== developmentTenantId) return;
    await seedDemoCatalog(ctx);
    await seedDemoPricing(ctx);
  },
});
