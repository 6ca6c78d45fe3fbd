import type { AppModel, EntityModel, PermissionDeclaration } from './app-model.js';

/** The verbs of an entity's generic endpoints, in the order the catalogue lists them. */
export const crudVerbs = ['read', 'create', 'update', 'delete'] as const;

export type CrudVerb = (typeof crudVerbs)[number];

/**
 * Whether an entity has the generic CRUD endpoints: it is stored (`x-codexion.table`) and not kept
 * to the app's own actions (`"api": false`). The OpenAPI builder makes its paths from the same test.
 *
 * @example
 * servesCrud(deal) // true
 * servesCrud(moneyValueObject) // false: no table
 */
export function servesCrud(entity: EntityModel): boolean {
  return (entity.table ?? entity.annotations.table) !== undefined && entity.annotations.api !== false;
}

/**
 * The permission an entity's generic endpoint asks for: `<app>:<entity>:<verb>`.
 *
 * @example
 * crudPermission('crm', deal, 'update') // 'crm:deal:update'
 */
export function crudPermission(app: string, entity: Pick<EntityModel, 'name'>, verb: CrudVerb): string {
  return `${app}:${entity.name}:${verb}`;
}

/** "sales-orders" → "sales orders": how a description names the records. */
function recordsOf(entity: EntityModel): string {
  return (entity.resource ?? entity.name).replace(/-/g, ' ');
}

const descriptionOf: Record<CrudVerb, (records: string, entity: EntityModel) => string> = {
  read: (records) => `See ${records}`,
  create: (records) => `Create ${records}`,
  update: (records) => `Change ${records}`,
  // a soft-deleted record comes back through `restore`, which the same permission guards
  delete: (records, entity) =>
    entity.annotations.softDelete === true ? `Delete and restore ${records}` : `Delete ${records}`,
};

/**
 * The CRUD permissions the schemas give an app: read, create, update and delete for every entity
 * with generic endpoints, in entity order. The manifest does not list them.
 *
 * @example
 * crudPermissions(crmModel).slice(0, 2)
 * // [{ name: 'crm:activity:read', description: 'See activities' }, { name: 'crm:activity:create', … }]
 */
export function crudPermissions(model: Pick<AppModel, 'manifest' | 'entities'>): PermissionDeclaration[] {
  return model.entities.filter(servesCrud).flatMap((entity) =>
    crudVerbs.map((verb) => ({
      name: crudPermission(model.manifest.name, entity, verb),
      description: descriptionOf[verb](recordsOf(entity), entity),
    })),
  );
}

/**
 * Every permission of an app: the CRUD ones its schemas give, then those its manifest declares
 * (actions, protected fields, and read permissions of shapes without endpoints). What the
 * permission catalogue, the role matrix and Cortex's list of apps show.
 *
 * @example
 * appPermissions(crmModel).map((p) => p.name) // ['crm:activity:read', …, 'crm:tag:delete', 'crm:deal:win', …]
 */
export function appPermissions(model: Pick<AppModel, 'manifest' | 'entities'>): PermissionDeclaration[] {
  return [...crudPermissions(model), ...(model.manifest.permissions ?? [])];
}
