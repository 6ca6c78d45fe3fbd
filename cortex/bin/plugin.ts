import { defineProvider } from '@codexion/framework/foundation';
import { AppAccessToken } from '@codexion/framework/kernel';
import type { PluginDefinition } from '@codexion/framework/plugins';
import type { AppManifest } from '@codexion/schema';
import manifest from '../core/app.json' with { type: 'json' };
import { tables } from '../core/generated/tables.js';
import { cortexActions } from './actions/cortex-actions.js';
import { cortex } from './cortex.js';
import { type CortexRuntimeOptions, createCortexRuntime } from './services/cortex-runtime.js';

export type CortexPluginOptions = CortexRuntimeOptions;

/**
 * Cortex's own backend: its three tables (app installations, tenant settings, invitations), the
 * actions of `core/actions/` (apps on and off, settings and theme, invitations, new tenants,
 * system health), and the `AppAccess` port that makes a disabled app's API answer 404
 * `APP_DISABLED` for that tenant.
 *
 * @example
 * const kernel = createKernel({ root, plugins: [createCortexPlugin({ kernelState: () => kernel.state }), crm] });
 */
export function createCortexPlugin(options: CortexPluginOptions = {}): PluginDefinition {
  const runtime = createCortexRuntime(options);
  return cortex.definePlugin({
    manifest: manifest as AppManifest,
    root: new URL('..', import.meta.url),
    resources: tables,
    actions: cortexActions(runtime),
    providers: [
      defineProvider({
        name: 'cortex',
        register(container) {
          runtime.attach(container);
          container.value(AppAccessToken, runtime.appAccess);
        },
      }),
    ],
  });
}

export default createCortexPlugin();
