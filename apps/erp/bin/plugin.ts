import { appKit } from '@codexion/framework/plugins';
import type { AppManifest } from '@codexion/schema';
import manifest from '../core/app.json' with { type: 'json' };
import type { ErpContract } from '../core/generated/contract.js';
import { tables } from '../core/generated/tables.js';

/**
 * The framework's definitions typed by the app's contract (`core/generated/contract.ts`): hooks
 * (`app.defineHooks('journal-entry', { … })`), actions and events, each typed from its name.
 */
export const app = appKit<ErpContract>();

/**
 * The ERP's backend: its masters and documents as resources from core/, and the ledger and stock
 * tables of `bin/migrations/0001_ledger.sql` (ADR 0027).
 */
export default app.definePlugin({
  // JSON imports type `events[].payload` too loosely for AppManifest; the registry validates it at boot
  manifest: manifest as unknown as AppManifest,
  root: new URL('..', import.meta.url),
  resources: tables,
});
