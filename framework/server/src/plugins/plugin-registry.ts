import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type AppModel,
  buildOpenApi,
  compareCodeUnits,
  type OpenApiDocument,
  SchemaDefinitionError,
} from '@codexion/schema';
import semver from 'semver';
import { checkPluginHandlers } from './check-plugin-handlers.js';
import type { PluginDefinition } from './define-plugin.js';
import { loadAppModel } from './load-app-sources.js';
import { orderPlugins } from './order-plugins.js';
import { PluginError } from './plugin-error.js';

/** A plugin the kernel accepted: its definition, checked `core/` and OpenAPI document. */
export interface RegisteredPlugin {
  name: string;
  version: string;
  definition: PluginDefinition;
  model: AppModel;
  /** absolute path of the app root */
  root: string;
  /** the app's API contract, built from the checked model; paths are relative to `basePath` */
  openapi: OpenApiDocument;
  /** where the app's API is mounted: `/api/<name>` */
  basePath: string;
  /** absolute path of the drizzle-kit migrations folder, when the plugin has one */
  migrationsFolder: string | undefined;
}

/** The accepted plugins, in dependency order. */
export interface PluginRegistry {
  readonly plugins: readonly RegisteredPlugin[];
  get(name: string): RegisteredPlugin | undefined;
}

export interface LoadPluginsOptions {
  /** the version checked against each manifest's `framework` range; this package's own unless given */
  frameworkVersion?: string;
}

/** The version of `@codexion/framework` (this package), read once from its package.json. */
export const frameworkVersion: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

function pathOf(location: URL | string): string {
  // resolve() also drops the trailing slash of `new URL('..', import.meta.url)`
  if (location instanceof URL || location.startsWith('file:')) return resolve(fileURLToPath(location));
  return resolve(location);
}

async function checkOne(definition: PluginDefinition, version: string): Promise<RegisteredPlugin> {
  const name = definition.manifest.name;
  const root = pathOf(definition.root);
  let model: AppModel;
  try {
    model = await loadAppModel(root);
  } catch (error) {
    if (error instanceof SchemaDefinitionError) {
      throw new PluginError('PLUGIN_INVALID', [name], `plugin "${name}" (${root}): ${error.message}`, {
        cause: error,
      });
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new PluginError(
        'PLUGIN_INVALID',
        [name],
        `plugin "${name}": no core/app.json under its root ${root}`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
  const declared = definition.manifest;
  for (const key of ['name', 'version', 'framework'] as const) {
    if (declared[key] !== model.manifest[key]) {
      throw new PluginError(
        'PLUGIN_INVALID',
        [name],
        `plugin "${name}": its manifest says ${key} "${declared[key]}" but ${join(root, 'core/app.json')} says "${model.manifest[key]}" — pass the app's own core/app.json`,
      );
    }
  }
  const range = model.manifest.framework;
  if (semver.validRange(range) === null) {
    throw new PluginError(
      'PLUGIN_INVALID',
      [name],
      `plugin "${name}": framework range "${range}" is not a semver range`,
    );
  }
  if (!semver.satisfies(version, range, { includePrerelease: true })) {
    throw new PluginError(
      'PLUGIN_FRAMEWORK_RANGE',
      [name],
      `plugin "${name}" ${model.manifest.version} needs @codexion/framework ${range}, but this is ${version}`,
    );
  }
  const problems = checkPluginHandlers(model, definition);
  if (problems.length > 0) {
    throw new PluginError(
      'PLUGIN_HANDLERS',
      [name],
      `plugin "${name}": its code does not match its core/:\n  ${problems.join('\n  ')}`,
    );
  }
  const basePath = `/api/${model.manifest.name}`;
  const migrationsFolder = definition.migrations
    ? pathOf(definition.migrations)
    : join(root, 'bin', 'migrations');
  if (definition.migrations && !existsSync(join(migrationsFolder, 'meta', '_journal.json'))) {
    throw new PluginError(
      'PLUGIN_INVALID',
      [name],
      `plugin "${name}": ${migrationsFolder} has no meta/_journal.json`,
    );
  }
  return {
    name,
    version: model.manifest.version,
    definition,
    model,
    root,
    openapi: buildOpenApi(model, { basePath }),
    basePath,
    migrationsFolder: existsSync(join(migrationsFolder, 'meta', '_journal.json'))
      ? migrationsFolder
      : undefined,
  };
}

/**
 * Checks plugins before anything of them runs, and orders them: each `core/` compiles (manifest,
 * schemas, rules, actions), the definition's manifest is the app's, the framework range admits
 * this framework, names are unique, action handlers and tables match `core/`, dependencies are
 * registered, in range and acyclic. Plugins come back in dependency order, ties by name.
 *
 * @throws {PluginError} the first problem found, naming the plugin and what to fix
 *
 * @example
 * const registry = await loadPlugins([crm, core]);
 * registry.plugins.map((p) => p.name) // ['core', 'crm']
 */
export async function loadPlugins(
  definitions: readonly PluginDefinition[],
  { frameworkVersion: version = frameworkVersion }: LoadPluginsOptions = {},
): Promise<PluginRegistry> {
  const seen = new Map<string, string>();
  for (const definition of definitions) {
    const name = definition.manifest.name;
    const root = pathOf(definition.root);
    const other = seen.get(name);
    if (other !== undefined) {
      throw new PluginError(
        'PLUGIN_DUPLICATE',
        [name],
        `plugin "${name}" is registered twice (${other === root ? root : `${other} and ${root}`})`,
      );
    }
    seen.set(name, root);
  }
  const checked: RegisteredPlugin[] = [];
  const sortedDefinitions = [...definitions].sort((a, b) =>
    compareCodeUnits(a.manifest.name, b.manifest.name),
  );
  for (const definition of sortedDefinitions) checked.push(await checkOne(definition, version));
  const ordered = orderPlugins(checked, (plugin) => plugin.model.manifest.dependencies ?? {});
  const byName = new Map(ordered.map((p) => [p.name, p]));
  return { plugins: ordered, get: (name) => byName.get(name) };
}
