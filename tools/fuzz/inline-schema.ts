import type { JsonSchema, JsonSchemaType, OpenApiDocument } from '@codexion/schema';

const prefix = '#/components/schemas/';

/**
 * A copy of `schema` with every `#/components/schemas/...` reference replaced by the schema it
 * names (siblings of `$ref` kept), so generators and validators need no document. Contract schemas
 * are not recursive; `depth` stops one that is.
 *
 * @example
 * inlineSchema(doc, { $ref: '#/components/schemas/DealCreate' }).properties?.title; // { type: 'string', ... }
 */
export function inlineSchema(doc: OpenApiDocument, schema: JsonSchema, depth = 0): JsonSchema {
  if (depth > 12) return {};
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (typeof value !== 'object' || value === null) return value;
    return inlineSchema(doc, value as JsonSchema, depth + 1);
  };
  let node: JsonSchema = schema;
  if (typeof node.$ref === 'string' && node.$ref.startsWith(prefix)) {
    const { $ref, ...siblings } = node;
    node = { ...(doc.components.schemas[$ref.slice(prefix.length)] ?? {}), ...siblings };
  }
  const copy: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    // enum, const, default and examples are data, not schemas
    copy[key] = ['enum', 'const', 'default', 'examples', 'example', 'required'].includes(key)
      ? value
      : visit(value);
  }
  return copy;
}

/** The types a schema allows, `[]` when it does not say. */
export function schemaTypes(schema: JsonSchema): JsonSchemaType[] {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** The object-shaped branch of a schema: itself, or the first `anyOf`/`oneOf` branch with properties. */
export function objectBranch(schema: JsonSchema): JsonSchema | undefined {
  if (schema.properties !== undefined || schemaTypes(schema).includes('object')) return schema;
  const branches = [
    ...((schema.anyOf as JsonSchema[] | undefined) ?? []),
    ...((schema.oneOf as JsonSchema[] | undefined) ?? []),
  ];
  return branches.find((b) => b.properties !== undefined);
}
