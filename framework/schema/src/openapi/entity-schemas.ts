import type { EntityModel } from '../model/app-model.js';
import type { JsonSchema } from '../model/json-schema.js';
import { customFieldsSchema, systemFieldNames, withSystemFields } from '../model/system-fields.js';
import { isRecord } from './json-pointer.js';
import { cursorMaxLength, pageSizeMaximum } from './list-parameters.js';
import { componentRef } from './rewrite-refs.js';

/** The four component schemas of a persisted entity. */
export interface EntitySchemas {
  record: JsonSchema;
  create: JsonSchema;
  patch: JsonSchema;
  page: JsonSchema;
}

/**
 * Derives `<T>`, `<T>Create`, `<T>Patch` and `<T>Page` from an entity's schema whose refs are
 * already rewritten and whose `$defs` are already hoisted.
 *
 * @example
 * const { create } = entitySchemas(deal, rewrittenDealSchema);
 * create.additionalProperties // false
 */
export function entitySchemas(entity: EntityModel, schema: JsonSchema): EntitySchemas {
  const softDelete = entity.annotations.softDelete === true;
  const label = entity.typeName;
  const writable: Record<string, JsonSchema> = {
    ...writableProperties(schema),
    custom: customFieldsProperty,
  };
  const authorRequired = (schema.required ?? []).filter((name) => Object.hasOwn(writable, name));
  // the server fills in a default, so a create may leave a defaulted field out even when it is required
  const createRequired = authorRequired.filter((name) => writable[name]?.default === undefined);
  // state moves only through /transition, where guards and per-transition permissions are checked
  const workflowField = entity.annotations.workflow?.field;

  const create: JsonSchema = {
    type: 'object',
    description: `Body that creates one ${label}. Read-only and system fields are set by the server and refused here.`,
    properties: writable,
    ...(createRequired.length > 0 ? { required: createRequired } : {}),
    additionalProperties: false,
  };

  const patchProperties: Record<string, JsonSchema> = {};
  for (const [name, property] of Object.entries(writable)) {
    if (name === workflowField) continue;
    const { default: fallback, ...withoutDefault } = property;
    // a required field cannot be removed, and a defaulted one is stored NOT NULL: only the others may be nulled
    const clearable = !authorRequired.includes(name) && fallback === undefined;
    patchProperties[name] = clearable ? nullable(withoutDefault) : withoutDefault;
  }
  const patch: JsonSchema = {
    type: 'object',
    description:
      `JSON Merge Patch (RFC 7396) of one ${label}: send only the fields to change; \`null\` clears an optional field.` +
      (workflowField === undefined ? '' : ` \`${workflowField}\` changes through the transition operation.`),
    properties: patchProperties,
    additionalProperties: false,
  };

  const page: JsonSchema = {
    type: 'object',
    description: `One page of ${label} records.`,
    properties: {
      items: { type: 'array', maxItems: pageSizeMaximum, items: { $ref: componentRef(entity.typeName) } },
      nextCursor: {
        type: ['string', 'null'],
        maxLength: cursorMaxLength,
        description: 'Cursor of the next page; `null` on the last page',
      },
      total: {
        type: 'integer',
        format: 'int64',
        minimum: 0,
        maximum: Number.MAX_SAFE_INTEGER,
        description: 'Count of all matching records; present only when `total=true` was asked',
      },
    },
    required: ['items', 'nextCursor'],
    additionalProperties: false,
  };

  // a field with a default is always stored, so the record always has it
  const defaulted = Object.entries(writable)
    .filter(([, property]) => property.default !== undefined)
    .map(([name]) => name);
  const record = withSystemFields(schema, { softDelete });
  record.required = [...new Set([...(record.required ?? []), ...defaulted])];
  return { record, create, patch, page };
}

/** The tenant's custom fields: writable, merged by a patch, validated by the engine against the tenant's definitions. */
const customFieldsProperty: JsonSchema = customFieldsSchema(
  "Values of the tenant's custom fields, by field key",
);

/** Properties a client may send: not `readOnly`, not a system field whatever the author wrote. */
function writableProperties(schema: JsonSchema): Record<string, JsonSchema> {
  const system = new Set<string>(systemFieldNames(true));
  return Object.fromEntries(
    Object.entries(schema.properties ?? {}).filter(
      ([name, property]) => !system.has(name) && !(isRecord(property) && property.readOnly === true),
    ),
  );
}

/**
 * Widens a property schema to also accept `null`: by adding it to `type` (and `enum`) when that is
 * exact, else with `anyOf`, since a `$ref` or composition cannot be widened in place.
 *
 * @example
 * nullable({ type: 'string', enum: ['a'] }) // { type: ['string', 'null'], enum: ['a', null] }
 */
export function nullable(schema: JsonSchema): JsonSchema {
  const simple =
    schema.type !== undefined &&
    schema.$ref === undefined &&
    schema.const === undefined &&
    schema.allOf === undefined &&
    schema.anyOf === undefined &&
    schema.oneOf === undefined;
  if (!simple) return { anyOf: [schema, { type: 'null' }] };
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  if (types.includes('null')) return schema;
  const widened: JsonSchema = { ...schema, type: [...types, 'null'] };
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) widened.enum = [...schema.enum, null];
  return widened;
}
