import { escapePointerToken } from '../validation/validation-issue.js';

/** Every keyword of JSON Schema 2020-12 (core, applicator, validation, meta-data, format, content). */
const knownKeywords = new Set([
  '$schema',
  '$id',
  '$ref',
  '$defs',
  '$anchor',
  '$dynamicRef',
  '$dynamicAnchor',
  '$vocabulary',
  '$comment',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'dependentSchemas',
  'prefixItems',
  'items',
  'contains',
  'properties',
  'patternProperties',
  'additionalProperties',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'type',
  'enum',
  'const',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxContains',
  'minContains',
  'maxProperties',
  'minProperties',
  'required',
  'dependentRequired',
  'title',
  'description',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'examples',
  'format',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
  'x-codexion',
]);

/** Keywords whose value is a map of name -> subschema. */
const schemaMaps = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);
/** Keywords whose value is a list of subschemas. */
const schemaLists = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keywords whose value is one subschema. */
const schemaValues = new Set([
  'not',
  'if',
  'then',
  'else',
  'items',
  'contains',
  'additionalProperties',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Finds keywords that are not JSON Schema 2020-12 (a misspelled `requried`, `maxLenght`), with the
 * JSON Pointer of each, so a typo is an error instead of a silently ignored constraint.
 *
 * @example
 * findUnknownKeywords({ type: 'object', properties: { a: { maxLenght: 3 } } }) // [{ pointer: '/properties/a/maxLenght', keyword: 'maxLenght' }]
 */
export function findUnknownKeywords(schema: unknown, pointer = ''): { pointer: string; keyword: string }[] {
  if (!isObject(schema)) return [];
  const found: { pointer: string; keyword: string }[] = [];
  for (const [keyword, value] of Object.entries(schema)) {
    const here = `${pointer}/${escapePointerToken(keyword)}`;
    if (!knownKeywords.has(keyword)) {
      found.push({ pointer: here, keyword });
      continue;
    }
    if (schemaMaps.has(keyword) && isObject(value)) {
      for (const [name, sub] of Object.entries(value)) {
        found.push(...findUnknownKeywords(sub, `${here}/${escapePointerToken(name)}`));
      }
    } else if (schemaLists.has(keyword) && Array.isArray(value)) {
      value.forEach((sub, i) => {
        found.push(...findUnknownKeywords(sub, `${here}/${i}`));
      });
    } else if (schemaValues.has(keyword)) {
      found.push(...findUnknownKeywords(value, here));
    }
  }
  return found;
}
