import { appKit } from '@codexion/framework/plugins';
import type { AppManifest } from '@codexion/schema';
import manifest from '../core/app.json' with { type: 'json' };
import type { EcommerceContract } from '../core/generated/contract.js';
import { tables } from '../core/generated/tables.js';

/**
 * The framework's definitions typed by the app's contract (`core/generated/contract.ts`): hooks
 * (`app.defineHooks('note', { … })`), actions and events, each typed from its name.
 */
export const app = appKit<EcommerceContract>();

/**
 * The E-commerce app's backend. Its resources, routes and checks come from core/; add actions
 * (core/actions/*.json + a handler here), hooks, seed data and services as the app grows.
 */
export default app.definePlugin({
  manifest: manifest as AppManifest,
  root: new URL('..', import.meta.url),
  resources: tables,
});
