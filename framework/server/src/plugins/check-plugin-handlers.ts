import { type AppModel, compareCodeUnits } from '@codexion/schema';
import { isPublicAction, isSagaAction, type PluginDefinition } from './define-plugin.js';

/**
 * What does not match between a plugin's code and its `core/`: an action without a handler, a
 * handler without an action, a public action whose handler is not wrapped in `publicAction(...)`
 * or a wrapped one for an action that is not public, a persisted entity without a drizzle table, a table, hook or
 * handler for something `core/` does not have. Empty when everything lines up.
 *
 * @example
 * checkPluginHandlers(model, definition) // ['action "moveOpportunity" (core/actions) has no handler in actions']
 */
export function checkPluginHandlers(model: AppModel, definition: PluginDefinition): string[] {
  const problems: string[] = [];
  const sorted = (names: Iterable<string>) => [...names].sort(compareCodeUnits);
  const actionIds = new Set(model.actions.map((a) => a.id));
  const handlers = new Set(Object.keys(definition.actions ?? {}));
  for (const id of sorted(actionIds)) {
    if (!handlers.has(id)) problems.push(`action "${id}" (core/actions) has no handler in actions`);
  }
  for (const id of sorted(handlers)) {
    if (!actionIds.has(id)) problems.push(`actions.${id} handles no action of core/actions`);
  }
  for (const action of [...model.actions].sort((a, b) => compareCodeUnits(a.id, b.id))) {
    const entry = definition.actions?.[action.id];
    if (entry === undefined) continue;
    const isPublic = action.access === 'public';
    if (isPublic && !isPublicAction(entry))
      problems.push(`action "${action.id}" is public: wrap its handler in publicAction(...)`);
    if (!isPublic && isPublicAction(entry))
      problems.push(`actions.${action.id} is a publicAction(...) but the action is not "access": "public"`);
    if (isPublic && isSagaAction(entry))
      problems.push(
        `actions.${action.id} is a sagaAction(...) but the action is public: a saga runs in a tenant`,
      );
  }
  const persisted = new Set(model.entities.filter((e) => e.table !== undefined).map((e) => e.name));
  const tables = new Set(Object.keys(definition.resources ?? {}));
  for (const name of sorted(persisted)) {
    if (!tables.has(name))
      problems.push(`entity "${name}" is persisted but resources has no drizzle table for it`);
  }
  for (const name of sorted(tables)) {
    if (!persisted.has(name)) problems.push(`resources.${name} is not a persisted entity of core/schema`);
  }
  for (const name of sorted(Object.keys(definition.hooks ?? {}))) {
    if (!persisted.has(name)) problems.push(`hooks.${name} is not a persisted entity of core/schema`);
  }
  return problems;
}
