import { compareCodeUnits } from '@codexion/schema';
import semver from 'semver';
import { PluginError } from './plugin-error.js';

/** What ordering needs of a plugin: its name and version. */
export interface PluginNode {
  name: string;
  version: string;
}

/** A plugin's `manifest.dependencies`: name → semver range. */
export type DependenciesOf<T> = (plugin: T) => Readonly<Record<string, string>>;

function findCycle<T extends PluginNode>(
  nodes: ReadonlyMap<string, T>,
  dependenciesOf: DependenciesOf<T>,
): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, 'visiting');
    stack.push(name);
    const node = nodes.get(name);
    for (const dep of Object.keys(node ? dependenciesOf(node) : {}).sort(compareCodeUnits)) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const name of [...nodes.keys()].sort(compareCodeUnits)) {
    const cycle = visit(name);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * Orders plugins so each comes after the ones it depends on; among those free to go next, by
 * name, so the order is the same on every machine. Checks every dependency is registered and in
 * range first.
 *
 * @throws {PluginError} `PLUGIN_MISSING_DEPENDENCY`, `PLUGIN_DEPENDENCY_RANGE`, `PLUGIN_CYCLE`
 *   (naming it: `a -> b -> a`)
 *
 * @example
 * orderPlugins([crm, core], (p) => p.manifest.dependencies ?? {}) // [core, crm]
 */
export function orderPlugins<T extends PluginNode>(
  plugins: readonly T[],
  dependenciesOf: DependenciesOf<T>,
): T[] {
  const byName = new Map(plugins.map((p) => [p.name, p]));
  for (const plugin of [...plugins].sort((a, b) => compareCodeUnits(a.name, b.name))) {
    for (const [dep, range] of Object.entries(dependenciesOf(plugin)).sort(([a], [b]) =>
      compareCodeUnits(a, b),
    )) {
      const target = byName.get(dep);
      if (!target) {
        throw new PluginError(
          'PLUGIN_MISSING_DEPENDENCY',
          [plugin.name, dep],
          `plugin "${plugin.name}" depends on "${dep}" (${range}), which is not registered`,
        );
      }
      if (semver.validRange(range) === null) {
        throw new PluginError(
          'PLUGIN_DEPENDENCY_RANGE',
          [plugin.name, dep],
          `plugin "${plugin.name}" names an invalid version range for "${dep}": "${range}"`,
        );
      }
      if (!semver.satisfies(target.version, range, { includePrerelease: true })) {
        throw new PluginError(
          'PLUGIN_DEPENDENCY_RANGE',
          [plugin.name, dep],
          `plugin "${plugin.name}" needs "${dep}" ${range}, but "${dep}" is ${target.version}`,
        );
      }
    }
  }
  const cycle = findCycle(byName, dependenciesOf);
  if (cycle) {
    throw new PluginError(
      'PLUGIN_CYCLE',
      [...new Set(cycle)],
      `plugin dependency cycle: ${cycle.join(' -> ')}`,
    );
  }
  const remaining = new Map(plugins.map((p) => [p.name, new Set(Object.keys(dependenciesOf(p)))]));
  const ordered: T[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining].filter(([, deps]) => deps.size === 0).map(([name]) => name);
    const next = ready.sort(compareCodeUnits)[0];
    // no cycle was found above, so something is always ready
    if (next === undefined) throw new Error('unreachable: plugin graph has a cycle');
    remaining.delete(next);
    for (const deps of remaining.values()) deps.delete(next);
    const plugin = byName.get(next);
    if (plugin) ordered.push(plugin);
  }
  return ordered;
}
