import type { JsonSchema, JsonSchemaType } from '../model/json-schema.js';
import { isRecord } from './json-pointer.js';

/** A property a list can be filtered and sorted on: a single scalar column. */
export interface ScalarField {
  name: string;
  /** the value as a query string carries it: scalar type, format, enum and bounds, without null */
  value: JsonSchema;
  /** null or absent values are possible, so `isNull` means something */
  nullable: boolean;
}

const scalarTypes: readonly JsonSchemaType[] = ['string', 'number', 'integer', 'boolean'];

function isScalarType(type: unknown): type is JsonSchemaType {
  return scalarTypes.some((t) => t === type);
}

/**
 * The properties of a record schema that map to one scalar column. `$ref`s, objects and arrays
 * are left out: the query layer filters columns, not documents.
 *
 * @example
 * scalarFields({ properties: { amount: { type: 'number' } }, required: [] })
 * // [{ name: 'amount', value: { type: 'number' }, nullable: true }]
 */
export function scalarFields(record: JsonSchema): ScalarField[] {
  const required = new Set(record.required ?? []);
  const fields: ScalarField[] = [];
  for (const [name, property] of Object.entries(record.properties ?? {})) {
    if (!isRecord(property) || property.$ref !== undefined) continue;
    const declared = property.type;
    const types: unknown[] = Array.isArray(declared)
      ? declared
      : declared !== undefined
        ? [declared]
        : Array.isArray(property.enum) && property.enum.every((v) => typeof v === 'string')
          ? ['string']
          : [];
    const nonNull = types.filter((t) => t !== 'null');
    const [type] = nonNull;
    if (nonNull.length !== 1 || !isScalarType(type)) continue;
    const value: JsonSchema = { type };
    if (typeof property.format === 'string') value.format = property.format;
    if (Array.isArray(property.enum)) value.enum = property.enum.filter((v) => v !== null);
    // the bounds travel with the value: a filter on the field takes what the field takes
    for (const keyword of ['minLength', 'maxLength', 'minimum', 'maximum'] as const) {
      if (typeof property[keyword] === 'number') value[keyword] = property[keyword];
    }
    fields.push({ name, value, nullable: types.includes('null') || !required.has(name) });
  }
  return fields;
}

/**
 * To-one relation properties (`x-codexion.ref` on a non-array property): what `include` can expand.
 *
 * @example
 * relationFields({ properties: { accountId: { type: 'string', 'x-codexion': { ref: 'account' } } } }) // ['accountId']
 */
export function relationFields(schema: JsonSchema): string[] {
  return Object.entries(schema.properties ?? {})
    .filter(([, property]) => {
      const annotations: unknown = property['x-codexion'];
      const isArray =
        property.type === 'array' || (Array.isArray(property.type) && property.type.includes('array'));
      return isRecord(annotations) && typeof annotations.ref === 'string' && !isArray;
    })
    .map(([name]) => name);
}
