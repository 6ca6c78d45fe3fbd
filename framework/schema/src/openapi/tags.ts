import type { AppManifest, EntityModel } from '../model/app-model.js';
import type { OpenApiTag } from './openapi-types.js';

/**
 * The tag grouping an entity's operations: its type name, described by its schema.
 *
 * @example
 * entityTag(deal) // { name: 'Deal', description: 'A sales opportunity' }
 */
export function entityTag(entity: EntityModel): OpenApiTag {
  const { description, title } = entity.schema;
  return {
    name: entity.typeName,
    description: description ?? title ?? `Operations on ${entity.typeName} records`,
  };
}

/**
 * The tag of actions that belong to no entity: the app's title.
 *
 * @example
 * appTag({ title: 'CRM', ... }) // { name: 'CRM', description: 'Operations of CRM' }
 */
export function appTag(manifest: AppManifest): OpenApiTag {
  return { name: manifest.title, description: manifest.description ?? `Operations of ${manifest.title}` };
}
