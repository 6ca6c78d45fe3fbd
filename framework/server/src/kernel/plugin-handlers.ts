import type { Database } from '../data/database.js';
import { noServices, type Services } from '../foundation/services.js';
import type { OperationHandler } from '../http/operation-handler.js';
import { actionOperationHandler } from '../plugins/action-operation-handler.js';
import { isPublicAction, isSagaAction } from '../plugins/define-plugin.js';
import type { RegisteredPlugin } from '../plugins/plugin-registry.js';
import { publicActionOperationHandler } from '../plugins/public-action-operation-handler.js';
import { sagaActionOperationHandler } from '../plugins/saga-action-operation-handler.js';
import {
  createResourceEngine,
  type ResourceEngine,
  type ResourceEngineOptions,
} from '../resources/resource-engine.js';
import { resourceHandlers } from '../resources/resource-routes.js';

/** A plugin's resource engine and its CRUD handlers, by operationId. */
export interface PluginResources {
  engine: ResourceEngine;
  handlers: Record<string, OperationHandler>;
}

/**
 * Builds the resource engine of a plugin's persisted entities (with the kernel's services, for its
 * hooks and actions) and its CRUD handlers.
 */
export type ResourceHandlerFactory = (
  plugin: RegisteredPlugin,
  database: Database,
  services: Services,
) => PluginResources | Promise<PluginResources>;

/**
 * Every operation handler of a plugin, by operationId: the resource engine's CRUD handlers for its
 * entities and its action handlers, each in a transaction (a public action's: only in those it
 * opens with `inTenant`). The HTTP layer checks the result
 * against the plugin's OpenAPI document (none missing, none extra) when it mounts them.
 *
 * @example
 * const handlers = await pluginHandlers(plugin, database, resourceHandlersOf, containerServices(container));
 */
export async function pluginHandlers(
  plugin: RegisteredPlugin,
  database: Database,
  resources: ResourceHandlerFactory,
  services: Services = noServices,
): Promise<Record<string, OperationHandler>> {
  const { engine, handlers: crud } = await resources(plugin, database, services);
  const handlers: Record<string, OperationHandler> = { ...crud };
  for (const action of plugin.model.actions) {
    const entry = plugin.definition.actions?.[action.id];
    // the registry has already refused a plugin with an action and no handler, or the wrong kind
    if (isPublicAction(entry))
      handlers[action.id] = publicActionOperationHandler(action, entry.handler, database, engine);
    else if (isSagaAction(entry))
      handlers[action.id] = sagaActionOperationHandler(action, entry.handler, database, engine);
    else if (entry) handlers[action.id] = actionOperationHandler(action, entry, database, engine);
  }
  return handlers;
}

/**
 * What the kernel's boot takes as `resourceHandlers`: for each plugin, an engine over its model,
 * tables and hooks, and that engine's handlers.
 *
 * @example
 * createKernel({ resourceHandlers: resourceHandlerFactory({ cursorSecret: config.secrets.cursor }) })
 */
export function resourceHandlerFactory(
  options: Pick<ResourceEngineOptions, 'cursorSecret' | 'validators' | 'limits'>,
): ResourceHandlerFactory {
  return (plugin, database: Database, services) => {
    const engine = createResourceEngine({
      ...options,
      database,
      services,
      model: plugin.model,
      tables: plugin.definition.resources ?? {},
      hooks: plugin.definition.hooks ?? {},
    });
    return { engine, handlers: resourceHandlers(engine) };
  };
}
