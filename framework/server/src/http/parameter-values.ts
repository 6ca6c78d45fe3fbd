import {
  escapePointerToken,
  type JsonSchema,
  type JsonSchemaType,
  type ValidationIssue,
} from '@codexion/schema';
import { unstorableText } from './unsafe-input.js';

/** What the parser needs of one OpenAPI parameter. */
export interface ParameterSpec {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required: boolean;
  style: 'form' | 'simple' | 'deepObject';
  explode: boolean;
  schema: JsonSchema;
}

export interface ParsedValues {
  values: Record<string, unknown>;
  issues: ValidationIssue[];
}

const numeric = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
// assigning these keys to a plain object would reach its prototype
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

function typesOf(schema: JsonSchema): JsonSchemaType[] {
  const { type } = schema;
  if (type === undefined) return [];
  return Array.isArray(type) ? type : [type];
}

/**
 * Converts one text value to the schema's scalar type when it spells one; otherwise leaves the
 * text for Ajv to report ("must be integer"), which is more useful than a silent `NaN`.
 *
 * @example
 * coerceScalar('25', { type: 'integer' }); // 25
 * coerceScalar('yes', { type: 'boolean' }); // 'yes'
 */
export function coerceScalar(text: string, schema: JsonSchema): unknown {
  const types = typesOf(schema);
  if ((types.includes('integer') || types.includes('number')) && numeric.test(text)) return Number(text);
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  if (types.includes('null') && text === 'null' && !types.includes('string')) return null;
  return text;
}

function coerceValue(texts: readonly string[], spec: ParameterSpec, delimited: boolean): unknown {
  if (!typesOf(spec.schema).includes('array')) return coerceScalar(texts[0] ?? '', spec.schema);
  const items = (spec.schema.items ?? {}) as JsonSchema;
  const parts = delimited ? texts.flatMap((t) => (t === '' ? [] : t.split(','))) : texts;
  return parts.map((part) => coerceScalar(part, items));
}

function branchesOf(schema: JsonSchema): JsonSchema[] {
  const branches = [
    ...((schema.anyOf as JsonSchema[] | undefined) ?? []),
    ...((schema.oneOf as JsonSchema[] | undefined) ?? []),
  ];
  return [schema, ...branches.filter(isObject)];
}

/**
 * A copy of a `deepObject` value with its text leaves coerced to what the schema allows there
 * (looking into `anyOf`/`oneOf` branches), for validation only: the handler gets the text, and
 * the engine coerces by the field's own type.
 *
 * @example
 * coerceDeepObject({ amount: { gte: '100' } }, filterSchema); // { amount: { gte: 100 } }
 */
export function coerceDeepObject(value: unknown, schema: JsonSchema): unknown {
  const branches = branchesOf(schema);
  if (typeof value === 'string') {
    return coerceScalar(value, { type: branches.flatMap((branch) => typesOf(branch)) });
  }
  if (!isObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const childSchema =
      branches
        .map((branch) => (branch.properties as Record<string, JsonSchema> | undefined)?.[key])
        .find(isObject) ??
      branches.map((branch) => branch.additionalProperties).find(isObject) ??
      {};
    copy[key] = coerceDeepObject(child, childSchema as JsonSchema);
  }
  return copy;
}

/** `[amount][gte]` -> `['amount', 'gte']`; `undefined` when it is not a bracket path. */
function bracketPath(rest: string): string[] | undefined {
  if (!/^(\[[^[\]]+\])+$/.test(rest)) return undefined;
  return [...rest.matchAll(/\[([^[\]]+)\]/g)].map((m) => m[1] ?? '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the query string against an operation's query parameters: scalars coerced to their
 * declared types, arrays from comma lists (`explode: false`) or repeated keys, `deepObject`
 * parameters as nested objects of strings (`filter[amount][gte]=100` ->
 * `{ filter: { amount: { gte: '100' } } }`; their leaves are the engine's to coerce). Unknown
 * and repeated scalar parameters are issues, with paths under `/query`.
 *
 * @example
 * readQuery(new URLSearchParams('pageSize=20&sort=-amount,title'), specs).values
 * // { pageSize: 20, sort: ['-amount', 'title'] }
 */
export function readQuery(search: URLSearchParams, specs: readonly ParameterSpec[]): ParsedValues {
  const byName = new Map(specs.filter((s) => s.in === 'query').map((s) => [s.name, s]));
  const texts = new Map<string, string[]>();
  const deep = new Map<string, Record<string, unknown>>();
  const issues: ValidationIssue[] = [];
  const reported = new Set<string>();
  const issue = (name: string, code: string, message: string): void => {
    const path = `/query/${escapePointerToken(name)}`;
    if (reported.has(path)) return;
    reported.add(path);
    issues.push({ path, code, message });
  };

  for (const [key, text] of search) {
    const bracket = key.indexOf('[');
    const name = bracket < 0 ? key : key.slice(0, bracket);
    // `?q=%00` is a NUL by now: refused here, before any parameter reaches SQL
    const unstorable = unstorableText(key) ?? unstorableText(text);
    if (unstorable !== undefined) {
      issue(name, unstorable.code, unstorable.message);
      continue;
    }
    const spec = byName.get(name);
    if (spec === undefined) {
      issue(name, 'unknown', 'is not a known parameter');
      continue;
    }
    if (spec.style === 'deepObject') {
      const path = bracket < 0 ? undefined : bracketPath(key.slice(bracket));
      if (path === undefined) {
        issue(name, 'style', `must be given as ${name}[field]=value`);
        continue;
      }
      if (path.some((p) => forbiddenKeys.has(p))) {
        issue(name, 'style', 'names a forbidden key');
        continue;
      }
      const root = deep.get(name) ?? {};
      deep.set(name, root);
      if (!setDeep(root, path, text))
        issue(name, 'style', `gives ${key} more than once or as both a value and an object`);
      continue;
    }
    if (bracket >= 0) {
      issue(key, 'unknown', 'is not a known parameter');
      continue;
    }
    const list = texts.get(name) ?? [];
    list.push(text);
    texts.set(name, list);
  }

  const values: Record<string, unknown> = {};
  for (const [name, list] of texts) {
    const spec = byName.get(name);
    if (spec === undefined) continue;
    const isArray = typesOf(spec.schema).includes('array');
    if (!isArray && list.length > 1) {
      issue(name, 'duplicate', 'must be given once');
      continue;
    }
    values[name] = coerceValue(list, spec, !spec.explode);
  }
  for (const [name, object] of deep) values[name] = object;
  return { values, issues };
}

/** Sets `root[a][b]... = text`; false on a clash (a key given twice, or as value and object). */
function setDeep(root: Record<string, unknown>, path: readonly string[], text: string): boolean {
  let node = root;
  for (const [index, key] of path.entries()) {
    const last = index === path.length - 1;
    const existing = node[key];
    if (last) {
      if (existing !== undefined) return false;
      node[key] = text;
      return true;
    }
    if (existing === undefined) {
      const child: Record<string, unknown> = {};
      node[key] = child;
      node = child;
    } else if (isObject(existing)) {
      node = existing;
    } else {
      return false;
    }
  }
  return true;
}

/**
 * Reads declared header (or path) parameters from a lookup, coercing scalars; absent ones are left
 * out for the schema's `required` to report.
 *
 * @example
 * readNamed((name) => c.req.header(name), headerSpecs).values // { 'if-match': '"3"' }
 */
export function readNamed(
  lookup: (name: string) => string | undefined,
  specs: readonly ParameterSpec[],
  key: (spec: ParameterSpec) => string = (spec) => spec.name,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const spec of specs) {
    const text = lookup(spec.name);
    if (text === undefined) continue;
    // headers and path segments carry arrays as comma lists (style simple)
    values[key(spec)] = coerceValue([text], spec, true);
  }
  return values;
}
