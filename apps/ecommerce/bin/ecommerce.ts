import { appKit } from '@codexion/framework/plugins';
import type { AppManifest } from '@codexion/schema';
import manifest from '../core/app.json' with { type: 'json' };
import type { EcommerceContract } from '../core/generated/contract.js';

/**
 * The framework's definitions typed by the e-commerce contract (`core/generated/contract.ts`):
 * hooks, actions, subscribers, events, records and error codes, each typed from its name alone.
 *
 * @example
 * ecommerce.defineHooks('variant', { beforeCreate: async (ctx, record) => … });
 * throw ecommerce.error('LAST_SELLABLE_VARIANT', 'Linen shirt is published');
 */
export const ecommerce = appKit<EcommerceContract>(manifest as unknown as AppManifest);
