import type { JsonSchema } from '@codexion/schema';
import { type JsonSchema as FakerSchema, generateSync } from 'json-schema-faker';
import { objectBranch, schemaTypes } from './inline-schema.js';

/** What a valid value may point at: records that exist, the caller and its tenant. */
export interface ValueSources {
  /** ids of existing records of an entity (`x-codexion.ref`), best first; `[]` when none is known */
  refIds(entity: string): readonly string[];
  /** a uuid that is not a record reference (owner, assignee, user): the caller's own id */
  userId: string;
  tenantId: string;
  /** a prefix for free-text strings, to find them again in answers (the two-tenant suite) */
  marker?: string;
  /** values of a field named like a list (`role` -> the keys of `/roles`), `[]` when there is none */
  valuesNamed?(name: string): readonly string[];
}

/**
 * Which optional properties to fill: none, the references to other records (rules often want
 * one, "link the deal to a company"), about half, or all (more positions, more rules that may fail).
 */
export type Fill = 'required' | 'references' | 'half' | 'all';

export interface ValidValueOptions {
  seed: number;
  fill?: Fill;
  /** take the schemas' defaults (a default can be what a rule refuses alone: a task without a due date) */
  defaults?: boolean;
}

function refOf(schema: JsonSchema): string | undefined {
  const annotations = schema['x-codexion'] as { ref?: unknown } | undefined;
  return typeof annotations?.ref === 'string' ? annotations.ref : undefined;
}

/**
 * The schema narrowed to values the server can accept: references among existing ids, plain uuids
 * set to the caller (or its tenant), arrays short. json-schema-faker fills in the rest.
 */
function constrain(schema: JsonSchema, sources: ValueSources, name: string, fill: Fill): JsonSchema {
  const types = schemaTypes(schema);
  const named =
    types.includes('string') && schema.format === undefined && schema.enum === undefined
      ? sources.valuesNamed?.(name)
      : undefined;
  if (named !== undefined && named.length > 0) return { type: 'string', enum: [...named] };
  // a free-text field named for a URL (`url`, `callbackUrl`): the server wants an absolute one
  if (types.includes('string') && schema.format === undefined && /url$/i.test(name)) {
    return { type: 'string', const: 'https://hooks.example.test/codexion' };
  }
  if (schema.format === 'uuid' && (types.length === 0 || types.includes('string'))) {
    const ref = refOf(schema);
    const ids = ref === undefined ? [] : sources.refIds(ref);
    if (ids.length > 0) return { type: 'string', enum: [...ids] };
    if (ref !== undefined && types.includes('null')) return { const: null };
    return { type: 'string', const: /tenant/i.test(name) ? sources.tenantId : sources.userId };
  }
  const copy: JsonSchema = { ...schema };
  if (schema.properties !== undefined) {
    copy.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, child]) => [key, constrain(child, sources, key, fill)]),
    );
    if (fill === 'references') {
      // references that have records to point at (their schema became an enum of ids)
      const refs = Object.entries(copy.properties)
        .filter(
          ([key, child]) => refOf(schema.properties?.[key] ?? {}) !== undefined && Array.isArray(child.enum),
        )
        .map(([key]) => key);
      copy.required = [...new Set([...(schema.required ?? []), ...refs])];
    }
  }
  if (schema.items !== undefined) {
    copy.items = constrain(schema.items, sources, name, fill);
    const pool = copy.items.enum?.length;
    const cap = Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : 2, 2, pool ?? 2);
    copy.maxItems = Math.max(cap, typeof schema.minItems === 'number' ? schema.minItems : 0);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = schema[key] as JsonSchema[] | undefined;
    if (branches !== undefined) copy[key] = branches.map((b) => constrain(b, sources, name, fill));
  }
  return copy;
}

function isFreeText(schema: JsonSchema): boolean {
  return (
    schemaTypes(schema).includes('string') &&
    schema.format === undefined &&
    schema.enum === undefined &&
    schema.const === undefined
  );
}

/** Free-text strings replaced by `<marker><n>` where the schema allows it, so they can be found again. */
function mark(value: unknown, schema: JsonSchema, marker: string, counter: { n: number }): unknown {
  if (typeof value === 'string' && isFreeText(schema)) {
    counter.n += 1;
    const text = `${marker}${counter.n}`;
    const fits =
      text.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY) &&
      text.length >= (schema.minLength ?? 0) &&
      (schema.pattern === undefined || new RegExp(schema.pattern, 'u').test(text));
    return fits ? text : value;
  }
  if (Array.isArray(value)) return value.map((item) => mark(item, schema.items ?? {}, marker, counter));
  const object = objectBranch(schema);
  if (typeof value === 'object' && value !== null && object?.properties !== undefined) {
    const properties = object.properties;
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [
        key,
        properties[key] === undefined ? child : mark(child, properties[key], marker, counter),
      ]),
    );
  }
  return value;
}

/**
 * A value an (inlined) schema accepts, with references to existing records: the start of a
 * request that would pass, so that a mutation of one part reaches the code behind validation.
 * Deterministic for a seed.
 *
 * @example
 * validValue(dealCreate, { refIds: (e) => ids[e] ?? [], userId, tenantId }, { seed: 7 });
 * // { title: 'b', pipelineId: '<an existing pipeline>', stageId: '<an existing stage>', status: 'open', ... }
 */
export function validValue(
  schema: JsonSchema,
  sources: ValueSources,
  { seed, fill = 'required', defaults = true }: ValidValueOptions,
): unknown {
  const constrained = constrain(schema, sources, '', fill);
  const value = generateSync(constrained as FakerSchema, {
    seed,
    useDefaultValue: defaults,
    alwaysFakeOptionals: fill === 'all',
    optionalsProbability: fill === 'all' ? 1 : fill === 'half' ? 0.5 : 0,
    maxDefaultItems: 2,
    failOnInvalidTypes: false,
  });
  return sources.marker === undefined ? value : mark(value, constrained, sources.marker, { n: 0 });
}
