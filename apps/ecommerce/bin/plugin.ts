import type { AppManifest } from '@codexion/schema';
import manifest from '../core/app.json' with { type: 'json' };
import { tables } from '../core/generated/tables.js';
import { ecommerce } from './ecommerce.js';
import { catalogHooks } from './hooks/catalog-hooks.js';

/** The kit typed by the app's contract (`bin/ecommerce.ts`), under the scaffold's name. */
export { ecommerce as app } from './ecommerce.js';

/**
 * The E-commerce app's backend: its resources from core/, and the catalog's hooks (variants that
 * fit their product's options, barcodes with their check digit, a published product always
 * sellable, the category tree without loops, handles made from titles).
 */
export default ecommerce.definePlugin({
  manifest: manifest as unknown as AppManifest,
  root: new URL('..', import.meta.url),
  resources: tables,
  hooks: { ...catalogHooks() },
});
