import type { JsonSchema } from '../model/json-schema.js';
import { systemFieldNames } from '../model/system-fields.js';
import type { ScalarField } from './field-kinds.js';
import { isRecord } from './json-pointer.js';
import type { OpenApiParameter } from './openapi-types.js';

/** Parameters reused across operations, named as `components.parameters` keys. */
export const sharedParameters = {
  Cursor: {
    name: 'cursor',
    in: 'query',
    description:
      'Opaque keyset cursor: the `nextCursor` of the previous page. Cannot be combined with `page`; ' +
      'keeps its place when records are inserted, unlike offset pages.',
    schema: { type: 'string', minLength: 1 },
  },
  PageNumber: {
    name: 'page',
    in: 'query',
    description: '1-based page number for offset pagination. Cannot be combined with `cursor`.',
    schema: { type: 'integer', minimum: 1 },
  },
  PageSize: {
    name: 'pageSize',
    in: 'query',
    description: 'Number of records per page.',
    schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
  },
  IncludeTotal: {
    name: 'total',
    in: 'query',
    description: 'Also count all matching records into `total`; costs a second query, so off by default.',
    schema: { type: 'boolean', default: false },
  },
  Where: {
    name: 'where',
    in: 'query',
    description:
      'Filter as a JSON-encoded JSON Logic expression over the record (`var` names a field). ' +
      'Combined with `filter` and `q` by AND.',
    schema: { type: 'string', contentMediaType: 'application/json' },
    example: '{"and":[{">=":[{"var":"createdAt"},"2025-01-01T00:00:00Z"]}]}',
  },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    description:
      'Client-chosen unique key: a retry with the same key and body returns the first response instead of ' +
      'creating again; the same key with a different body is a 409. Visible ASCII characters only.',
    required: false,
    schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[!-~]+$' },
  },
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    description: 'ETag of the record as last read; when given and stale the request fails with 412.',
    required: false,
    schema: { type: 'string' },
  },
  IfMatchRequired: {
    name: 'If-Match',
    in: 'header',
    description:
      'ETag of the record as last read; a stale one fails with 412 so concurrent edits are not lost.',
    required: true,
    schema: { type: 'string' },
  },
} as const satisfies Record<string, OpenApiParameter>;

export type SharedParameterName = keyof typeof sharedParameters;

/**
 * `q`: free-text search over the entity's `x-codexion.search` fields.
 *
 * @example
 * searchParameter(['title', 'notes']).name // 'q'
 */
export function searchParameter(searchFields: readonly string[]): OpenApiParameter {
  return {
    name: 'q',
    in: 'query',
    description: `Free-text search over ${searchFields.map((f) => `\`${f}\``).join(', ')}.`,
    schema: { type: 'string', minLength: 1, maxLength: 200 },
  };
}

/**
 * `sort`: comma-separated field names, `-` before a name for descending.
 *
 * @example
 * sortParameter([{ name: 'amount', value: { type: 'number' }, nullable: false }]).schema.items
 * // { type: 'string', enum: ['amount', '-amount'] }
 */
export function sortParameter(fields: readonly ScalarField[]): OpenApiParameter {
  const names = fields.map((f) => f.name);
  return {
    name: 'sort',
    in: 'query',
    description:
      'Comma-separated sort keys, applied in order; prefix a field with `-` for descending, e.g. ' +
      `\`${exampleSort(names)}\`. The primary key is always appended as a tiebreaker.`,
    style: 'form',
    explode: false,
    schema: {
      type: 'array',
      uniqueItems: true,
      items: { type: 'string', enum: names.flatMap((n) => [n, `-${n}`]) },
    },
  };
}

/**
 * `fields`: sparse field selection over the record's top-level properties.
 *
 * @example
 * fieldsParameter(['id', 'title']).schema.items // { type: 'string', enum: ['id', 'title'] }
 */
export function fieldsParameter(propertyNames: readonly string[]): OpenApiParameter {
  return {
    name: 'fields',
    in: 'query',
    description:
      'Comma-separated properties to return; `id` and `version` are always returned. All when absent.',
    style: 'form',
    explode: false,
    schema: { type: 'array', uniqueItems: true, items: { type: 'string', enum: [...propertyNames] } },
  };
}

/**
 * `include`: to-one relations to expand alongside the record.
 *
 * @example
 * includeParameter(['accountId']).name // 'include'
 */
export function includeParameter(relations: readonly string[]): OpenApiParameter {
  return {
    name: 'include',
    in: 'query',
    description: 'Comma-separated to-one relation fields (`x-codexion.ref`) whose records to expand.',
    style: 'form',
    explode: false,
    schema: { type: 'array', uniqueItems: true, items: { type: 'string', enum: [...relations] } },
  };
}

const systemNames = new Set<string>(systemFieldNames(true));

type FilterOperator = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'contains' | 'isNull';

const orderedFormats = new Set(['date', 'date-time', 'time']);

/** Operators that mean something for the field's type; `lt` on a boolean would only mislead. */
function operatorsFor(field: ScalarField): FilterOperator[] {
  const { type, format, enum: values } = field.value;
  let ops: FilterOperator[];
  if (type === 'boolean') ops = ['eq', 'ne'];
  else if (type === 'number' || type === 'integer') ops = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in'];
  else if (typeof format === 'string' && orderedFormats.has(format))
    ops = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in'];
  else if (Array.isArray(values) || format === 'uuid') ops = ['eq', 'ne', 'in'];
  else ops = ['eq', 'ne', 'in', 'contains'];
  return field.nullable ? [...ops, 'isNull'] : ops;
}

function operatorSchema(op: FilterOperator, field: ScalarField): JsonSchema {
  switch (op) {
    case 'in':
      return { type: 'string', description: 'Comma-separated values, at most 100; matches any of them' };
    case 'contains':
      return { type: 'string', minLength: 1, description: 'Substring match' };
    case 'isNull':
      return { type: 'boolean', description: '`true`: the field is null; `false`: it is not' };
    default:
      return { ...field.value };
  }
}

/**
 * `filter`: per-field conditions as a deepObject, AND-ed together: `filter[stage]=won` for
 * equality, `filter[amount][gte]=100` for an operator.
 *
 * @example
 * filterParameter([{ name: 'amount', value: { type: 'number' }, nullable: false }]).style // 'deepObject'
 */
export function filterParameter(fields: readonly ScalarField[]): OpenApiParameter {
  const properties: Record<string, JsonSchema> = {};
  for (const field of fields) {
    const ops = operatorsFor(field);
    properties[field.name] = {
      anyOf: [
        { ...field.value },
        {
          type: 'object',
          properties: Object.fromEntries(ops.map((op) => [op, operatorSchema(op, field)])),
          additionalProperties: false,
          minProperties: 1,
        },
      ],
    };
  }
  const example = exampleFilter(fields);
  return {
    name: 'filter',
    in: 'query',
    description:
      'Per-field conditions, combined by AND: `filter[field]=value` for equality or ' +
      '`filter[field][op]=value` with op one of eq, ne, lt, lte, gt, gte, in (comma-separated list), ' +
      'contains (substring), isNull (true|false); each field lists the operators it supports.',
    style: 'deepObject',
    explode: true,
    schema: { type: 'object', properties, additionalProperties: false },
    ...(example === undefined ? {} : { example }),
  };
}

/**
 * The `{id}` path parameter: a uuid for the standard `id` key, else the key property's own type.
 *
 * @example
 * idParameter('id', { properties: {} }).schema // { type: 'string', format: 'uuid' }
 */
export function idParameter(primaryKey: string, record: JsonSchema): OpenApiParameter {
  const key = record.properties?.[primaryKey];
  const schema: JsonSchema =
    primaryKey === 'id' || !isRecord(key)
      ? { type: 'string', format: 'uuid' }
      : pickKeywords(key, ['type', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum']);
  return {
    name: 'id',
    in: 'path',
    required: true,
    description: `Primary key (\`${primaryKey}\`) of the record`,
    schema,
  };
}

function pickKeywords(schema: JsonSchema, keywords: readonly string[]): JsonSchema {
  return Object.fromEntries(keywords.filter((k) => schema[k] !== undefined).map((k) => [k, schema[k]]));
}

/** `-updatedAt,title`: newest first is what lists usually want, then an author field */
function exampleSort(names: readonly string[]): string {
  const authored = names.find((n) => !systemNames.has(n));
  const first = names.includes('updatedAt') ? '-updatedAt' : `-${names[0] ?? 'id'}`;
  return authored === undefined ? first : `${first},${authored}`;
}

function exampleFilter(fields: readonly ScalarField[]): Record<string, unknown> | undefined {
  const numeric = fields.find((f) => f.value.type === 'number' || f.value.type === 'integer');
  return numeric === undefined ? undefined : { [numeric.name]: { gte: 100 } };
}
