import type { JsonSchema } from '@codexion/schema';
import type { ProblemDocument } from './problem-document.js';

const redacted = '[redacted]';
/** Shorter values are left alone: masking every "a" or "12" in a message would say nothing useful. */
const minimumLength = 3;
const maxDepth = 32;

/** Finds the schema a `$ref` points at (`#/components/schemas/X`); undefined when it cannot. */
export type RefResolver = (ref: string) => JsonSchema | undefined;

function isPiiSchema(schema: JsonSchema): boolean {
  const annotations = schema['x-codexion'] as { pii?: unknown } | undefined;
  return annotations?.pii === true;
}

/** The schema and the branches it may take (`$ref`, `allOf`, `anyOf`, `oneOf`), flattened. */
function branches(schema: JsonSchema | undefined, resolve: RefResolver, depth = 0): JsonSchema[] {
  if (schema === undefined || typeof schema !== 'object' || depth > 8) return [];
  const out: JsonSchema[] = [schema];
  if (typeof schema.$ref === 'string') out.push(...branches(resolve(schema.$ref), resolve, depth + 1));
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = schema[keyword];
    if (Array.isArray(list))
      for (const branch of list) out.push(...branches(branch as JsonSchema, resolve, depth + 1));
  }
  return out;
}

/**
 * The strings of `body` that its schema tags as personal data (`x-codexion.pii`), at any depth:
 * a person's email in a create, the phone numbers of a lead in a conversion. Longest first.
 *
 * @example
 * personalValues({ email: 'ann@example.com', company: { name: 'Acme' } }, personCreateSchema, resolve)
 * // ['ann@example.com']
 */
export function personalValues(
  body: unknown,
  schema: JsonSchema | undefined,
  resolve: RefResolver,
): string[] {
  const found = new Set<string>();
  type Entry = { node: unknown; schemas: JsonSchema[]; pii: boolean; depth: number };
  const stack: Entry[] = [{ node: body, schemas: branches(schema, resolve), pii: false, depth: 0 }];
  while (stack.length > 0) {
    const { node, schemas, pii, depth } = stack.pop() as Entry;
    const personal = pii || schemas.some(isPiiSchema);
    if (typeof node === 'string') {
      if (personal && node.length >= minimumLength) found.add(node);
      continue;
    }
    if (typeof node !== 'object' || node === null || depth >= maxDepth) continue;
    if (Array.isArray(node)) {
      const items = schemas.flatMap((s) => branches(s.items as JsonSchema | undefined, resolve));
      for (const item of node) stack.push({ node: item, schemas: items, pii: personal, depth: depth + 1 });
      continue;
    }
    for (const [key, child] of Object.entries(node)) {
      const properties = schemas.flatMap((s) => {
        const named = (s.properties as Record<string, JsonSchema> | undefined)?.[key];
        const extra = s.additionalProperties;
        return branches(named ?? (typeof extra === 'object' ? (extra as JsonSchema) : undefined), resolve);
      });
      stack.push({ node: child, schemas: properties, pii: personal, depth: depth + 1 });
    }
  }
  return [...found].sort((a, b) => b.length - a.length);
}

const escaped = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole occurrences only: a value "deep" masks "deep", never the "deep" of "deeper". */
function mask(text: string, values: readonly string[]): string {
  let out = text;
  for (const value of values) {
    if (!out.includes(value)) continue;
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped(value)}(?![\\p{L}\\p{N}])`, 'gu'), redacted);
  }
  return out;
}

function maskDeep(value: unknown, values: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return mask(value, values);
  if (typeof value !== 'object' || value === null || depth >= maxDepth) return value;
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, values, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, maskDeep(child, values, depth + 1)]),
  );
}

/**
 * A copy of a plain value (a serialized error, say) with each of `values` masked in its strings.
 *
 * @example
 * maskValues({ message: 'ann@example.com exists' }, ['ann@example.com']) // { message: '[redacted] exists' }
 */
export function maskValues<T>(value: T, values: readonly string[]): T {
  return values.length === 0 ? value : (maskDeep(value, values) as T);
}

/**
 * A problem document with the request's personal data masked wherever it repeats it (a hook's
 * `detail`, an extension, a database error shown to a developer): problems are logged and shown,
 * and personal data belongs in neither. `values` come from {@link personalValues}.
 *
 * @example
 * redactProblem(problem, ['ann@example.com']) // detail 'ann@example.com is taken' -> '[redacted] is taken'
 */
export function redactProblem(problem: ProblemDocument, values: readonly string[]): ProblemDocument {
  return maskValues(problem, values);
}
