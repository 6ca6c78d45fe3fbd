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
  /** the app's own error codes and their statuses (`DEAL_CLOSED: { status: 409, … }`); see `appKit().error` */
  errors?: Record<string, ErrorDeclaration>;
  /** other apps' events this app subscribes to (ADR 0018) */
  consumes?: ConsumedEvent[];
  /** the tags actions are listed under (`ActionFields.tag`), with their descriptions */
  tags?: TagDeclaration[];
  /** framework APIs only: credentials beyond the standard three, named by actions' `security` */
  securitySchemes?: Record<string, SecuritySchemeDeclaration>;
  /** the API's own description and headers of an error answer, by status */
  responses?: Record<string, ResponseDeclaration>;
}

/** One of an app's own error codes: the status it is answered with and what it means. */
export interface ErrorDeclaration {
  /** 4xx or 5xx */
  status: number;
  description: string;
}

/** An event of another app that this app subscribes to: its name and the app that declares it. */
export interface ConsumedEvent {
  event: string;
  /** the producing app's name */
  app: string;
  description?: string;
}

/** A tag of the manifest: a group of operations in the API reference. */
export interface TagDeclaration {
  name: string;
  description: string;
}

/** A credential an API takes besides the standard three: a cookie or a header. */
export interface SecuritySchemeDeclaration {
  type: 'apiKey';
  in: 'cookie' | 'header';
  /** the cookie's or header's name */
  name: string;
  description: string;
}

/** A response header an answer carries (`Set-Cookie`, `Location`, `WWW-Authenticate`). */
export interface HeaderDeclaration {
  description: string;
  required?: boolean;
  /** a string of at most 4096 characters unless given */
  schema?: JsonSchema;
}

/** One answer of an operation: a success's body, or an error's own description, and headers. */
export interface ResponseDeclaration {
  description?: string;
  /** the body of a success (an error's is the Problem document) */
  schema?: JsonSchema;
  headers?: Record<string, HeaderDeclaration>;
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
  /** the tag it is listed under, one of the manifest's `tags`; the entity's or the app's unless given */
  tag?: string;
  /** still served, but clients should stop calling it */
  deprecated?: boolean;
  /** the path parameters' schemas: an object schema with a property per `{name}` of the path */
  params?: JsonSchema;
  /** the body's schema; of a GET, its query parameters */
  request?: JsonSchema;
  /** the body's media type; `application/json` unless given */
  contentType?: 'application/json' | 'application/merge-patch+json';
  /** whether the body must be sent; true unless said */
  requestRequired?: boolean;
  response?: JsonSchema;
  /** HTTP status of a success; 200 unless said */
  status?: number;
  /** the answers by status, instead of `response` and `status` */
  responses?: Record<string, ResponseDeclaration>;
  /** every error status besides 429 and 500; the builder's defaults unless given */
  errors?: number[];
  /** framework APIs only: the security requirement alternatives, as scheme names (`[]`: none) */
  security?: string[][];
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

/**
 * An operation of the framework's own APIs (authentication) that takes a credential but no
 * permission: any credential (`credential`: a session, a bearer token or an API key), or a signed-in
 * user (`user`: a session or a bearer token, never an API key). Apps cannot declare one: their
 * router knows tenants' and public actions only.
 */
export interface CredentialActionDefinition extends ActionFields {
  access: 'user' | 'credential';
  permission?: undefined;
}

/** `core/actions/<name>.json`: an operation beyond CRUD. */
export type ActionDefinition = TenantActionDefinition | PublicActionDefinition | CredentialActionDefinition;

/** Who may call an action. */
export type ActionAccess = NonNullable<ActionDefinition['access']>;

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
