import type { JsonSchema } from '@codexion/schema';
import { objectBranch, schemaTypes } from './inline-schema.js';

/** A place in a JSON document a schema describes, and the schema of what goes there. */
export interface SchemaPosition {
  /** property names and `0` for array items, from the root */
  pointer: readonly string[];
  schema: JsonSchema;
  /** the parent object lists it in `required` */
  required: boolean;
}

/**
 * Every position an (inlined) schema describes: the root, each property of each object branch
 * and the first item of each array, down to `maxDepth` levels.
 *
 * @example
 * schemaPositions({ type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } } } })
 *   .map((p) => p.pointer.join('/')); // ['', 'tags', 'tags/0']
 */
export function schemaPositions(schema: JsonSchema, maxDepth = 4): SchemaPosition[] {
  const positions: SchemaPosition[] = [];
  const walk = (node: JsonSchema, pointer: string[], required: boolean): void => {
    positions.push({ pointer, schema: node, required });
    if (pointer.length >= maxDepth) return;
    const object = objectBranch(node);
    if (object?.properties !== undefined) {
      const needed = new Set(object.required ?? []);
      for (const [name, child] of Object.entries(object.properties))
        walk(child, [...pointer, name], needed.has(name));
    }
    if (schemaTypes(node).includes('array') && node.items !== undefined)
      walk(node.items, [...pointer, '0'], false);
  };
  walk(schema, [], true);
  return positions;
}

/** A JSON Pointer (RFC 6901) of a position, `''` for the root. */
export function jsonPointer(pointer: readonly string[]): string {
  return pointer.map((p) => `/${p.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
