import type { JsonSchema } from './json-schema.js';

/**
 * Properties the framework adds to every persisted entity. They are read-only: the
 * resource engine sets them, and a write that carries one is refused.
 */
export const systemFields = {
  id: { type: 'string', format: 'uuid', readOnly: true, description: 'Primary key' },
  tenantId: { type: 'string', format: 'uuid', readOnly: true, description: 'Owning tenant' },
  version: {
    type: 'integer',
    minimum: 1,
    readOnly: true,
    description: 'Incremented on every write; the ETag of the record',
  },
  createdAt: { type: 'string', format: 'date-time', readOnly: true },
  updatedAt: { type: 'string', format: 'date-time', readOnly: true },
  createdBy: { type: ['string', 'null'], format: 'uuid', readOnly: true },
  updatedBy: { type: ['string', 'null'], format: 'uuid', readOnly: true },
  // writable: users fill in their tenant's custom fields; the engine validates them
  custom: {
    type: 'object',
    description: 'Custom fields defined at runtime per tenant',
    additionalProperties: true,
  },
} as const satisfies Record<string, JsonSchema>;

/** Present on entities whose schema says `softDelete: true`. */
export const softDeleteField = {
  deletedAt: { type: ['string', 'null'], format: 'date-time', readOnly: true },
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
