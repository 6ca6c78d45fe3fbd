import { definePlugin } from '@codexion/framework';
import type { AppManifest } from '@codexion/schema';
import manifest from '../core/app.json' with { type: 'json' };
import { tables } from '../core/generated/tables.js';

/**
 * The {{title}} app's backend. Its resources, routes and checks come from core/; add actions
 * (core/actions/*.json + a handler here), hooks, seed data and services as the app grows.
 */
export default definePlugin({
  manifest: manifest as AppManifest,
  root: new URL('..', import.meta.url),
  resources: tables,
});
