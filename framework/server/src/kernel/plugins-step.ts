import { runProviders } from '../foundation/service-provider.js';
import { loadPlugins } from '../plugins/plugin-registry.js';
import { checkSubscribers } from './boot-events.js';
import type { BootRun } from './boot-run.js';
import { PluginRegistryToken } from './kernel-tokens.js';
import { piiFieldsOf } from './pii-fields.js';
import { runLifecycle } from './run-lifecycle.js';

/**
 * The providers step: the kernel-level service providers (an embedding host's), booted before the
 * plugins'. A dry run boots none: a provider's boot may connect to things.
 *
 * @example
 * await runStep(log, traceId, 'providers', () => providersStep(run));
 */
export async function providersStep(run: BootRun): Promise<Record<string, unknown>> {
  const providers = run.options.providers ?? [];
  if (!run.dryRun) await runProviders(run.container, providers);
  return { providers: providers.map((p) => p.name), skipped: run.dryRun };
}

/**
 * The plugins step: checks and orders the plugins (framework range, dependencies, subscribers),
 * collects their PII fields for the logger, then (not in a dry run) boots their providers and
 * runs their `onPreboot` hooks.
 *
 * @example
 * await runStep(log, traceId, 'plugins', () => pluginsStep(run));
 */
export async function pluginsStep(run: BootRun): Promise<Record<string, unknown>> {
  const { options, parts, container, report } = run;
  const registry = await loadPlugins(options.plugins, {
    ...(options.frameworkVersion ? { frameworkVersion: options.frameworkVersion } : {}),
  });
  parts.registry = registry;
  checkSubscribers(registry.plugins);
  for (const field of piiFieldsOf(registry.plugins.map((p) => p.model))) run.piiFields.add(field);
  container.value(PluginRegistryToken, registry);
  report.plugins = registry.plugins.map((p) => ({
    name: p.name,
    version: p.version,
    dependencies: { ...(p.model.manifest.dependencies ?? {}) },
  }));
  const preboot: string[] = [];
  if (!run.dryRun) {
    await runProviders(
      container,
      registry.plugins.flatMap((p) => p.definition.providers ?? []),
    );
    preboot.push(
      ...(await runLifecycle(registry.plugins, 'onPreboot', run.contextOf, { logger: parts.logger })),
    );
  }
  return {
    plugins: registry.plugins.map((p) => ({ name: p.name, version: p.version })),
    onPreboot: preboot,
  };
}
