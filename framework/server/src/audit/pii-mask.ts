import type { JsonSchema } from '@codexion/schema';
import { type FieldMask, maskedValue } from './audit-diff.js';

/** Finds the schema a `$ref` names (another entity's `$id`, with or without a fragment). */
export type SchemaResolver = (ref: string) => JsonSchema | undefined;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPii(schema: JsonSchema): boolean {
  const annotations = schema['x-codexion'];
  return isObject(annotations) && annotations.pii === true;
}

/** `#/$defs/address` inside `root`. */
function pointer(root: JsonSchema, fragment: string): JsonSchema | undefined {
  let current: unknown = root;
  for (const raw of fragment.split('/').slice(1)) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    current = isObject(current) ? current[token] : undefined;
  }
  return isObject(current) ? (current as JsonSchema) : undefined;
}

function masked(
  schema: JsonSchema,
  value: unknown,
  root: JsonSchema,
  resolve: SchemaResolver,
  depth: number,
): unknown {
  // schemas can be recursive; personal data deeper than this is not something a diff shows
  if (depth > 16 || value === null || value === undefined) return value;
  if (isPii(schema)) return maskedValue;
  let result: unknown = value;
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const local = ref.startsWith('#');
    const target = local ? pointer(root, ref.slice(1)) : resolve(ref);
    if (target !== undefined) result = masked(target, result, local ? root : target, resolve, depth + 1);
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      if (isObject(branch)) result = masked(branch as JsonSchema, result, root, resolve, depth + 1);
    }
  }
  const properties = schema.properties;
  if (isObject(result) && properties !== undefined) {
    const copy: Record<string, unknown> = { ...result };
    for (const [name, property] of Object.entries(properties)) {
      if (Object.hasOwn(copy, name)) copy[name] = masked(property, copy[name], root, resolve, depth + 1);
    }
    result = copy;
  }
  const items = schema.items;
  if (Array.isArray(result) && isObject(items)) {
    result = result.map((item) => masked(items as JsonSchema, item, root, resolve, depth + 1));
  }
  return result;
}

/**
 * The mask of an entity's personal data for audit diffs: a property tagged `x-codexion.pii: true`
 * is replaced by `[redacted]` whole; inside objects and arrays (inline, `$defs`, or another
 * schema by `$ref`), only the tagged parts are.
 *
 * @example
 * const mask = piiMask(accountSchema);
 * mask('contactEmail', 'a@acme.com') // '[redacted]'
 * mask('name', 'Acme') // 'Acme'
 */
export function piiMask(schema: JsonSchema, resolve: SchemaResolver = () => undefined): FieldMask {
  const properties = schema.properties ?? {};
  return (field, value) => {
    const property = properties[field];
    return property === undefined ? value : masked(property, value, schema, resolve, 0);
  };
}
