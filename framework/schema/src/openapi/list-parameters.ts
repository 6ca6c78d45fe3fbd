import type { JsonSchema } from '../model/json-schema.js';
import { systemFieldNames } from '../model/system-fields.js';
import type { ScalarField } from './field-kinds.js';
import { isRecord } from './json-pointer.js';
import type { OpenApiParameter } from './openapi-types.js';

/** The most records one page holds (`pageSize`'s maximum). */
export const pageSizeMaximum = 200;

/** The most sort keys a list takes; the primary key is appended after them. */
export const sortMaxKeys = 3;

/**
 * A string field longer than this cannot be sorted on: its values would make cursors (which carry
 * the last record's sort values) too long for a URL. Enums, formats and shorter strings can.
 */
export const sortableStringMaxLength = 500;

/** Property names are identifiers of at most 63 characters (the entity meta-schema). */
const nameMaxLength = 63;

/**
 * The longest cursor the server issues, so the longest it accepts: base64url of
 * `JSON.stringify([signature, values])` plus `.` and a 16-byte signature. The signature names at
 * most {@link sortMaxKeys} + 1 keys; each sorted string value is at most
 * {@link sortableStringMaxLength} characters of at most 6 bytes once JSON-escaped (`\u0000`), and
 * the primary key is a uuid. Numbers and dates are shorter than a string key. ~12.5 kB: it fits
 * in the 16 KiB request head Node accepts, beside a path and a few filters.
 */
export const cursorMaxLength = (() => {
  const signature = (sortMaxKeys + 1) * (nameMaxLength + 2) + 2;
  const values = sortMaxKeys * (sortableStringMaxLength * 6 + 3) + 39 + 2;
  const json = signature + values + 3;
  return Math.ceil(json / 3) * 4 + 1 + 22;
})();

/** An ETag is a quoted version number (`"3"`), or a list of them in `If-Match`. */
export const etagMaxLength = 64;

/** `where`: a JSON Logic expression in the query string. */
const whereMaxLength = 4000;

/** `filter[field][in]`: a comma-separated list, e.g. 100 uuids. */
const inListMaxLength = 4000;

/** Parameters reused across operations, named as `components.parameters` keys. */
export const sharedParameters = {
  Cursor: {
    name: 'cursor',
    in: 'query',
    description:
      'Opaque keyset cursor: the `nextCursor` of the previous page. Cannot be combined with `page`; ' +
      'keeps its place when records are inserted, unlike offset pages.',
    schema: { type: 'string', minLength: 1, maxLength: cursorMaxLength },
  },
  PageNumber: {
    name: 'page',
    in: 'query',
    description: '1-based page number for offset pagination. Cannot be combined with `cursor`.',
    // past 100,000 pages of 200 an offset scan is the wrong tool: use the cursor
    schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 100_000 },
  },
  PageSize: {
    name: 'pageSize',
    in: 'query',
    description: 'Number of records per page.',
    schema: { type: 'integer', format: 'int32', minimum: 1, maximum: pageSizeMaximum, default: 50 },
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
    schema: { type: 'string', maxLength: whereMaxLength, contentMediaType: 'application/json' },
    example: '{"and":[{">=":[{"var":"createdAt"},"2025-01-01T00:00:00Z"]}]}',
  },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    description:
      'Client-chosen unique key, kept 24 hours per tenant and credential: a retry with the same key and body ' +
      'returns the first response (status, headers, body; `Idempotent-Replayed: true`) instead of running ' +
      'again; the same key with a different body is a 422, and while the first request still runs a 409. ' +
      'Visible ASCII characters only.',
    required: false,
    schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[!-~]+$' },
  },
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    description: 'ETag of the record as last read; when given and stale the request fails with 412.',
    required: false,
    schema: { type: 'string', maxLength: etagMaxLength },
  },
  IfMatchRequired: {
    name: 'If-Match',
    in: 'header',
    description:
      'ETag of the record as last read; a stale one fails with 412 so concurrent edits are not lost.',
    required: true,
    schema: { type: 'string', maxLength: etagMaxLength },
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
  const names = fields.filter(isSortable).map((f) => f.name);
  return {
    name: 'sort',
    in: 'query',
    description:
      'Comma-separated sort keys, applied in order; prefix a field with `-` for descending, e.g. ' +
      `\`${exampleSort(names)}\`. At most ${sortMaxKeys} keys; the primary key is always appended as a tiebreaker. ` +
      `Text longer than ${sortableStringMaxLength} characters is not sortable.`,
    style: 'form',
    explode: false,
    schema: {
      type: 'array',
      uniqueItems: true,
      maxItems: sortMaxKeys,
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
    schema: {
      type: 'array',
      uniqueItems: true,
      maxItems: propertyNames.length,
      items: { type: 'string', enum: [...propertyNames] },
    },
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
    schema: {
      type: 'array',
      uniqueItems: true,
      maxItems: relations.length,
      items: { type: 'string', enum: [...relations] },
    },
  };
}

const systemNames = new Set<string>(systemFieldNames(true));

/** Whether a list can sort on the field: not a text longer than {@link sortableStringMaxLength}. */
function isSortable(field: ScalarField): boolean {
  const { type, enum: values, maxLength } = field.value;
  if (type !== 'string' || Array.isArray(values)) return true;
  return typeof maxLength === 'number' && maxLength <= sortableStringMaxLength;
}

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
      return {
        type: 'string',
        maxLength: inListMaxLength,
        description: 'Comma-separated values, at most 100; matches any of them',
      };
    case 'contains':
      return {
        type: 'string',
        minLength: 1,
        maxLength: field.value.maxLength ?? sortableStringMaxLength,
        description: 'Substring match',
      };
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
      ? { type: 'string', format: 'uuid', maxLength: 36 }
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
