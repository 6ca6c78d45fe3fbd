import { defineProvider } from '@codexion/framework/foundation';
import { AppAccessToken, DatabaseToken } from '@codexion/framework/kernel';
import type { PluginDefinition } from '@codexion/framework/plugins';
import type { AppManifest } from '@codexion/schema';
import manifest from '../core/app.json' with { type: 'json' };
import { tables } from '../core/generated/tables.js';
import { cortexActions } from './actions/cortex-actions.js';
import { cortex } from './cortex.js';
import { type CortexNodeOptions, CortexNodeToken, cortexNode } from './services/cortex-node.js';
import { InstalledAppAccessToken, installedAppAccess } from './services/installed-app-access.js';

export interface CortexPluginOptions extends CortexNodeOptions {
  /** how long a node caches which apps a tenant has on */
  appAccessTtlMs?: number;
}

/**
 * Cortex's own backend: its three tables (app installations, tenant settings, invitations), the
 * actions of `core/actions/` (apps on and off, settings and theme, invitations, new tenants,
 * system health), and the `AppAccess` port that makes a disabled app's API answer 404
 * `APP_DISABLED` for that tenant. Its provider puts Cortex's services (the node, the app gate)
 * into the kernel's container, where its actions reach them, as the kernel's, by token.
 *
 * @example
 * const kernel = createKernel({ root, plugins: [createCortexPlugin({ kernelState: () => kernel.state }), crm] });
 */
export function createCortexPlugin({ appAccessTtlMs, ...node }: CortexPluginOptions = {}): PluginDefinition {
  return cortex.definePlugin({
    manifest: manifest as AppManifest,
    root: new URL('..', import.meta.url),
    resources: tables,
    actions: cortexActions,
    providers: [
      defineProvider({
        name: 'cortex',
        register(container) {
          const access = installedAppAccess({
            database: () => container.resolve(DatabaseToken),
            ...(appAccessTtlMs === undefined ? {} : { ttlMs: appAccessTtlMs }),
          });
          container.value(CortexNodeToken, cortexNode(node));
          container.value(InstalledAppAccessToken, access);
          container.value(AppAccessToken, access);
        },
      }),
    ],
  });
}

export default createCortexPlugin();
