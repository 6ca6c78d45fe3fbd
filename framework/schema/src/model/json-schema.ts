/**
 * A JSON Schema (draft 2020-12) object as it is read from a `*.schema.json` file.
 * Kept structural on purpose: schemas are data, parsed and checked by Ajv and the
 * x-codexion meta-schema, not trusted because of their static type.
 */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  title?: string;
  description?: string;
  type?: JsonSchemaType | JsonSchemaType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  readOnly?: boolean;
  'x-codexion'?: EntityAnnotations | PropertyAnnotations;
  [keyword: string]: unknown;
}

export type JsonSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** A JSON Logic expression: data, evaluated by json-logic-js or compiled to SQL. */
export type JsonLogic = boolean | number | string | null | JsonLogic[] | { [operator: string]: JsonLogic };

/** `x-codexion` on the root of an entity schema. Validated by `meta/entity.meta.schema.json`. */
export interface EntityAnnotations {
  /** snake_case table name; its presence makes the entity a persisted resource. */
  table?: string;
  /** URL segment of the resource (kebab-case plural); defaults to the table name in kebab-case. */
  resource?: string;
  /** defaults to `id` */
  primaryKey?: string;
  titleField?: string;
  indexes?: IndexAnnotation[];
  /** unique keys, always scoped by tenant */
  unique?: IndexAnnotation[];
  search?: string[];
  softDelete?: boolean;
  /**
   * `false`: no generic CRUD endpoints for this table; only the app's actions read and write it
   * (through `ctx.resources`, with the same validation, rules and hooks). Default `true`.
   */
  api?: boolean;
  ui?: EntityUiAnnotations;
  workflow?: WorkflowAnnotation;
  /** a gapless document number the engine assigns when the record enters a workflow state */
  number?: NumberAnnotation;
}

/**
 * `x-codexion.number`: when a transition moves the record into `onState` and `field` is still
 * empty, the engine takes the next number of `series` (in the scope: the year of `dateField`, or
 * none) in the transition's transaction and writes it, formatted, to `field` (a `readOnly` string).
 */
export interface NumberAnnotation {
  /** e.g. `SINV` */
  series: string;
  /** e.g. `{series}-{scope}-{seq:5}` */
  format: string;
  /** `year`: restarts each calendar year of `dateField`; `none` (default): never restarts */
  scope?: 'year' | 'none';
  /** the date (or date-time) property whose year scopes the series; needed with `scope: "year"` */
  dateField?: string;
  /** the property the number goes to */
  field: string;
  /** the workflow state whose entry assigns the number, e.g. `posted` */
  onState: string;
}

export interface IndexAnnotation {
  fields: string[];
  name?: string;
}

export interface EntityUiAnnotations {
  icon?: string;
  listColumns?: string[];
  formSections?: { id: string; title: string; fields: string[] }[];
  kanbanField?: string;
}

export interface WorkflowAnnotation {
  field: string;
  states: string[];
  initial?: string;
  /**
   * states in which the record is locked: the engine refuses updates and deletes (409
   * `RECORD_LOCKED`); transitions, the way out of such a state, are still allowed
   */
  immutableIn?: string[];
  transitions: WorkflowTransition[];
}

export interface WorkflowTransition {
  from: string;
  to: string;
  /** guard in JSON Logic over the record; absent means always allowed */
  when?: JsonLogic;
  /** `app:resource:action` permission required to take the transition */
  permission?: string;
}

/**
 * `x-codexion.ref` of a property holding user ids: each must be a member of the record's tenant,
 * which the resource engine checks on every write that sets it.
 */
export const userReference = 'prefiq:user';

/** `x-codexion` on a property of an entity schema. */
export interface PropertyAnnotations {
  /**
   * relation: name of the target entity in the same app, `app:entity` for another app, or
   * {@link userReference} (`prefiq:user`) for a member of the record's tenant
   */
  ref?: string;
  onDelete?: 'restrict' | 'cascade';
  /**
   * an ordering key (fractional indexing, on a string property): the engine ranks a new record
   * last among those sharing its `groupBy` values, and again when one of them changes
   */
  rank?: { groupBy?: string[] };
  pii?: boolean;
  widget?: Widget;
  /** for `widget: money`: the sibling property holding the ISO 4217 currency code */
  currencyField?: string;
  label?: string;
  placeholder?: string;
  help?: string;
  hidden?: boolean;
  /**
   * what a record merge does with the property: `fill` the kept record's empty value from the
   * first duplicate that has one, `union` an array's items (each once, the kept record's first),
   * `keep` the kept record's value (the default)
   */
  merge?: 'fill' | 'union' | 'keep';
  /** with `merge: union` on an array of objects: the member that makes two items the same */
  mergeKey?: string;
}

export type Widget =
  | 'text'
  | 'textarea'
  | 'number'
  | 'money'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'enum'
  | 'relation'
  | 'boolean'
  | 'tags'
  | 'email'
  | 'phone'
  | 'url'
  | 'json';
