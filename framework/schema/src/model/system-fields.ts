import type { JsonSchema } from './json-schema.js';

/** RFC 3339 with microseconds and an offset is 32 characters; room for what clients send. */
export const dateTimeMaxLength = 40;

/** At most this many custom fields on one record. */
export const customFieldsMaxProperties = 100;
/** How deep a record's `custom` object may nest, itself counted: the engine refuses deeper values (422). */
export const customFieldsMaxDepth = 5;

/**
 * The `custom` object of a record: free-form (the tenant defines its fields at runtime), so bounded
 * by count, key length and depth. The depth is stated as `x-codexion-max-depth`, which JSON Schema
 * cannot say; the resource engine enforces it.
 *
 * @example
 * customFieldsSchema('Custom fields').maxProperties // 100
 */
export function customFieldsSchema(description: string): JsonSchema {
  return {
    type: 'object',
    description: `${description}: at most ${customFieldsMaxProperties} keys of at most 64 characters, nested at most ${customFieldsMaxDepth} levels deep (this object included)`,
    maxProperties: customFieldsMaxProperties,
    propertyNames: { type: 'string', minLength: 1, maxLength: 64 },
    additionalProperties: true,
    'x-codexion-max-depth': customFieldsMaxDepth,
  };
}

/**
 * Properties the framework adds to every persisted entity. They are read-only: the
 * resource engine sets them, and a write that carries one is refused.
 */
export const systemFields = {
  id: { type: 'string', format: 'uuid', maxLength: 36, readOnly: true, description: 'Primary key' },
  tenantId: { type: 'string', format: 'uuid', maxLength: 36, readOnly: true, description: 'Owning tenant' },
  version: {
    type: 'integer',
    format: 'int32',
    minimum: 1,
    // the column is a PostgreSQL integer
    maximum: 2147483647,
    readOnly: true,
    description: 'Incremented on every write; the ETag of the record',
  },
  createdAt: { type: 'string', format: 'date-time', maxLength: dateTimeMaxLength, readOnly: true },
  updatedAt: { type: 'string', format: 'date-time', maxLength: dateTimeMaxLength, readOnly: true },
  createdBy: { type: ['string', 'null'], format: 'uuid', maxLength: 36, readOnly: true },
  updatedBy: { type: ['string', 'null'], format: 'uuid', maxLength: 36, readOnly: true },
  // writable: users fill in their tenant's custom fields; the engine validates them
  custom: customFieldsSchema('Custom fields defined at runtime per tenant'),
} as const satisfies Record<string, JsonSchema>;

/** Present on entities whose schema says `softDelete: true`. */
export const softDeleteField = {
  deletedAt: { type: ['string', 'null'], format: 'date-time', maxLength: dateTimeMaxLength, readOnly: true },
} as const satisfies Record<string, JsonSchema>;

export type SystemFieldName = keyof typeof systemFields | keyof typeof softDeleteField;

/** Names of the system fields an entity has, in column order. */
export function systemFieldNames(softDelete = false): SystemFieldName[] {
  const names: SystemFieldName[] = Object.keys(systemFields) as (keyof typeof systemFields)[];
  return softDelete ? [...names, 'deletedAt'] : names;
}

/**
 * The entity's schema as the API returns it: the author's properties plus the system fields,
 * system fields required (but for `deletedAt`).
 *
 * @example
 * withSystemFields(dealSchema, { softDelete: true }).properties?.deletedAt // { type: ['string','null'], ... }
 */
export function withSystemFields(schema: JsonSchema, { softDelete = false } = {}): JsonSchema {
  const extra: Record<string, JsonSchema> = softDelete
    ? { ...systemFields, ...softDeleteField }
    : { ...systemFields };
  const required = new Set([...(schema.required ?? []), ...Object.keys(systemFields)]);
  return {
    ...schema,
    properties: { ...extra, ...(schema.properties ?? {}) },
    required: [...required],
  };
}
