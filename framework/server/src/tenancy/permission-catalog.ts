import {
  type AppModel,
  crudPermissions,
  type JsonSchema,
  kebabCase,
  type OpenApiDocument,
} from '@codexion/schema';

/**
 * What a permission is about, which decides the built-in roles that hold it:
 * - `crud`: `<app>:<entity>:read|create|update|delete`, derived from the schemas for every entity
 *   with endpoints (`crudPermissions`), or declared in the manifest for a shape without (`cortex:app:read`)
 * - `action`: any other declared `<app>:<resource>:<verb>` (`crm:deal:win`)
 * - `field`: `<app>:<entity>:<field>:read|write`, declared in the manifest: the field is protected
 * - `pii`: `<app>:pii:read`, implied for every app with personal data (`x-codexion.pii`)
 * - `framework`: `prefiq:<resource>:<verb>`, named by the framework's own APIs (tenancy, audit)
 */
export type PermissionKind = 'crud' | 'action' | 'field' | 'pii' | 'framework';

export interface CatalogEntry {
  name: string;
  kind: PermissionKind;
  /** the app (`prefiq` for the framework's) */
  app: string;
  /** the last segment: `read`, `win`, `write`, … */
  verb: string;
  description?: string;
}

/** Every permission the installed apps and the framework know, in a stable order. */
export interface PermissionCatalog {
  readonly entries: readonly CatalogEntry[];
  /** whether `name` is a known permission */
  has(name: string): boolean;
  /** whether `name` is a known permission or a wildcard (`app:*`, `app:entity:*`) that covers one */
  covers(name: string): boolean;
}

const crudVerbs = new Set(['read', 'create', 'update', 'delete']);

function hasPii(schema: JsonSchema | undefined): boolean {
  if (schema === undefined || typeof schema !== 'object') return false;
  const annotations = schema['x-codexion'] as { pii?: unknown } | undefined;
  if (annotations?.pii === true) return true;
  if (Object.values(schema.properties ?? {}).some(hasPii)) return true;
  if (hasPii(schema.items)) return true;
  return Object.values(schema.$defs ?? {}).some(hasPii);
}

/** The name of the PII permission of an app: without it, personal data is masked. */
export function piiPermission(app: string): string {
  return `${app}:pii:read`;
}

/**
 * The permission protecting one field of an entity, when the manifest declares it:
 * `<app>:<entity>:<field in kebab-case>:read|write`.
 *
 * @example
 * fieldPermission('crm', 'deal', 'ownerId', 'write') // 'crm:deal:owner-id:write'
 */
export function fieldPermission(
  app: string,
  entity: string,
  field: string,
  access: 'read' | 'write',
): string {
  return `${app}:${entity}:${kebabCase(field)}:${access}`;
}

function kindOf(model: AppModel, name: string): PermissionKind {
  const parts = name.split(':');
  if (parts.length === 4) return 'field';
  const entity = model.entities.find((e) => e.name === parts[1]);
  return entity !== undefined && crudVerbs.has(parts[2] ?? '') ? 'crud' : 'action';
}

function frameworkPermissions(documents: readonly OpenApiDocument[]): string[] {
  const names = new Set<string>();
  for (const document of documents) {
    for (const item of Object.values(document.paths ?? {})) {
      for (const operation of Object.values(item)) {
        const permission = (operation as { 'x-codexion-permission'?: unknown })['x-codexion-permission'];
        if (typeof permission === 'string') names.add(permission);
      }
    }
  }
  return [...names].sort();
}

/**
 * The catalogue of permissions: each app's CRUD permissions (from its schemas) and its manifest's
 * (plus `<app>:pii:read` where it has personal data), then the framework's, as its APIs' documents
 * name them. Built-in roles are expanded against it, custom roles are checked against it.
 *
 * @example
 * const catalog = permissionCatalog({ models: [salesModel], frameworkDocuments: [tenancyOpenApi] });
 * catalog.has('sales:account:read') // true
 */
export function permissionCatalog({
  models,
  frameworkDocuments = [],
}: {
  models: readonly AppModel[];
  frameworkDocuments?: readonly OpenApiDocument[];
}): PermissionCatalog {
  const entries: CatalogEntry[] = [];
  for (const model of models) {
    const app = model.manifest.name;
    for (const { name, description } of crudPermissions(model)) {
      entries.push({ name, kind: 'crud', app, verb: name.split(':').at(-1) ?? '', description });
    }
    for (const { name, description } of model.manifest.permissions ?? []) {
      entries.push({
        name,
        kind: kindOf(model, name),
        app,
        verb: name.split(':').at(-1) ?? '',
        ...(description === undefined ? {} : { description }),
      });
    }
    if (model.entities.some((e) => hasPii(e.schema))) {
      entries.push({
        name: piiPermission(app),
        kind: 'pii',
        app,
        verb: 'read',
        description: 'See personal data (x-codexion.pii fields) unmasked',
      });
    }
  }
  for (const name of frameworkPermissions(frameworkDocuments)) {
    entries.push({ name, kind: 'framework', app: 'prefiq', verb: name.split(':').at(-1) ?? '' });
  }
  const names = new Set(entries.map((e) => e.name));
  return {
    entries,
    has: (name) => names.has(name),
    covers: (name) => {
      if (names.has(name)) return true;
      if (!name.endsWith(':*')) return false;
      const prefix = name.slice(0, -1);
      return entries.some((e) => e.name.startsWith(prefix));
    },
  };
}
