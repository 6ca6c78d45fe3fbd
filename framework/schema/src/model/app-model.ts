import type { EntityAnnotations, JsonLogic, JsonSchema } from './json-schema.js';

/** `core/app.json`, validated by `meta/manifest.schema.json`. */
export interface AppManifest {
  name: string;
  version: string;
  title: string;
  description?: string;
  icon?: string;
  /** shown in the OpenAPI document's info */
  license?: { name: string; identifier?: string; url?: string };
  /** semver range of @codexion/framework this app runs on */
  framework: string;
  dependencies?: Record<string, string>;
  permissions?: PermissionDeclaration[];
  nav?: NavItem[];
  events?: EventDeclaration[];
}

export interface PermissionDeclaration {
  /** `app:resource:action` */
  name: string;
  description?: string;
}

export interface NavItem {
  label: string;
  path: string;
  icon?: string;
  permission?: string;
}

export interface EventDeclaration {
  /** `app.entity.verb`, e.g. `crm.deal.won` */
  name: string;
  description?: string;
  /** JSON Schema of the payload */
  payload?: JsonSchema;
}

/** One rule of `core/rules/<entity>.rules.json`. */
export interface RuleDefinition {
  id: string;
  message: string;
  /** JSON Pointer of the field the failure is reported on, `''` for the whole record */
  path: string;
  /** the rule applies only when this holds */
  when?: JsonLogic;
  /** must hold for the record to be valid */
  assert: JsonLogic;
}

/** A record policy: which records a role may read or write, as JSON Logic over the record and `$user`. */
export interface PolicyDefinition {
  id: string;
  description?: string;
  roles?: string[];
  actions: ('read' | 'create' | 'update' | 'delete')[];
  condition: JsonLogic;
}

export interface RuleFile {
  rules?: RuleDefinition[];
  policies?: PolicyDefinition[];
}

/** What every `core/actions/<name>.json` says, whoever may call it. */
interface ActionFields {
  /** camelCase operation id, unique in the app */
  id: string;
  summary: string;
  description?: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** path under the app's API root, OpenAPI template syntax: `/deals/{id}/move` */
  path: string;
  /** entity the action works on, when it does */
  entity?: string;
  request?: JsonSchema;
  response?: JsonSchema;
  /** HTTP status of a success; 200 unless said */
  status?: number;
}

/** An action of a tenant's signed-in users (the default): it needs a permission. */
export interface TenantActionDefinition extends ActionFields {
  access?: 'tenant';
  /** `app:resource:action` */
  permission: string;
}

/**
 * An action anyone may call, without credentials (`"access": "public"`): no tenant, no
 * permission; its handler decides what it reveals and is rate-limited per client address.
 */
export interface PublicActionDefinition extends ActionFields {
  access: 'public';
  permission?: undefined;
}

/** `core/actions/<name>.json`: an operation beyond CRUD. */
export type ActionDefinition = TenantActionDefinition | PublicActionDefinition;

/** One entity: a `core/schema/<name>.schema.json` file, checked and normalized. */
export interface EntityModel {
  /** kebab-case, from the file name: `sales-order` */
  name: string;
  /** PascalCase singular: `SalesOrder` */
  typeName: string;
  /** PascalCase plural, from the resource segment: `SalesOrders` */
  pluralTypeName: string;
  /** file path relative to the app root, for error messages */
  file: string;
  schema: JsonSchema;
  annotations: EntityAnnotations;
  /** set when the entity is persisted */
  table?: string;
  /** URL segment, set when the entity is persisted */
  resource?: string;
  primaryKey: string;
  rules: RuleDefinition[];
  policies: PolicyDefinition[];
}

/** Everything in an app's `core/`, checked and cross-referenced. */
export interface AppModel {
  manifest: AppManifest;
  entities: EntityModel[];
  actions: ActionDefinition[];
}
