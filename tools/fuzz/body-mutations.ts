import type { JsonSchema } from '@codexion/schema';
import type { BadRequest } from './bad-request.js';
import { type Baseline, renderRequest } from './baseline-request.js';
import { objectBranch, schemaTypes } from './inline-schema.js';
import { jsonText, RawJson, type RequestShape, utf8 } from './request-shape.js';
import { jsonPointer, schemaPositions } from './schema-positions.js';
import type { SeededRandom } from './seeded-random.js';
import { type ValueSources, validValue } from './valid-value.js';

export interface BodyMutationContext {
  random: SeededRandom;
  /** the host's body limit in bytes */
  bodyLimit: number;
  sources: ValueSources;
}

/** A string that breaks `format` (only formats the contract uses are listed; others get none). */
const badFormats: Record<string, string> = {
  uuid: 'not-a-uuid',
  date: '2025-02-30',
  'date-time': '2025-13-01T25:61:00Z',
  time: '25:99',
  email: 'no-at-sign',
  uri: 'not a uri',
  'uri-reference': '\\\\not a reference',
  hostname: '-bad host-',
  int64: 'x',
};

/** Nested JSON text `depth` levels deep, without building it in memory (JSON.stringify would overflow). */
export function deepJson(depth: number, kind: 'object' | 'array'): RawJson {
  return kind === 'object'
    ? new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)
    : new RawJson(`${'['.repeat(depth)}1${']'.repeat(depth)}`);
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** A copy of `body` with `value` at `pointer`, parents made where missing; `undefined` deletes. */
export function withValueAt(body: unknown, pointer: readonly string[], value: unknown): unknown {
  if (pointer.length === 0) return value;
  const root: unknown = typeof body === 'object' && body !== null ? clone(body) : {};
  let node = root as Record<string, unknown>;
  for (const [index, key] of pointer.entries()) {
    const last = index === pointer.length - 1;
    if (last) {
      if (value === undefined) delete node[key];
      else node[key] = value;
      break;
    }
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = pointer[index + 1] === '0' ? [] : {};
    node = node[key] as Record<string, unknown>;
  }
  return root;
}

function typeCandidates(schema: JsonSchema): { kind: string; value: unknown }[] {
  const types = schemaTypes(schema);
  if (types.length === 0) return [];
  const allowed = (t: string) => types.includes(t as never) || (t === 'number' && types.includes('integer'));
  const all = [
    { kind: 'type.string', type: 'string', value: 'not-of-this-type' },
    { kind: 'type.number', type: 'number', value: 12_345 },
    { kind: 'type.boolean', type: 'boolean', value: true },
    { kind: 'type.object', type: 'object', value: { unexpected: 1 } },
    { kind: 'type.array', type: 'array', value: ['unexpected'] },
    { kind: 'type.null', type: 'null', value: null },
  ];
  return all.filter((c) => !allowed(c.type)).map(({ kind, value }) => ({ kind, value }));
}

/**
 * The bad values for one position of a body: wrong types, NUL and lone surrogates, bounds
 * crossed (declared or, where none is declared, very large), broken formats, patterns and enums,
 * too many or duplicate items, nesting 70 and 5,000 levels deep.
 */
export function badValues(
  schema: JsonSchema,
  context: BodyMutationContext,
): { kind: string; value: unknown }[] {
  const types = schemaTypes(schema);
  const out = typeCandidates(schema);
  const isString = types.includes('string') || (types.length === 0 && typeof schema.enum?.[0] === 'string');
  const isNumber = types.includes('number') || types.includes('integer');
  if (isString) {
    out.push(
      { kind: 'string.nul', value: 'before\u0000after' },
      { kind: 'string.nul-only', value: '\u0000' },
      { kind: 'string.lone-high-surrogate', value: 'x\uD800y' },
      { kind: 'string.lone-low-surrogate', value: '\uDC00' },
    );
    const max = schema.maxLength;
    out.push(
      typeof max === 'number'
        ? { kind: 'string.above-maxLength', value: 'x'.repeat(max + 1) }
        : { kind: 'string.huge-undeclared', value: 'x'.repeat(Math.min(100_000, context.bodyLimit / 4)) },
    );
    if (typeof schema.minLength === 'number' && schema.minLength > 0)
      out.push({ kind: 'string.below-minLength', value: 'x'.repeat(schema.minLength - 1) });
    const badFormat = schema.format === undefined ? undefined : badFormats[schema.format];
    if (badFormat !== undefined) out.push({ kind: `string.format-${schema.format}`, value: badFormat });
    if (typeof schema.pattern === 'string') {
      const pattern = new RegExp(schema.pattern, 'u');
      const miss = [' ', '!!', 'Ω', '\t', 'a b'].find((c) => !pattern.test(c));
      if (miss !== undefined) out.push({ kind: 'string.pattern', value: miss });
    }
    if (schema.enum !== undefined) out.push({ kind: 'string.enum', value: 'not-in-the-enum' });
  }
  if (isNumber) {
    const integer = types.includes('integer') && !types.includes('number');
    const max = (schema.maximum ?? schema.exclusiveMaximum) as number | undefined;
    const min = (schema.minimum ?? schema.exclusiveMinimum) as number | undefined;
    out.push(
      typeof max === 'number'
        ? { kind: 'number.above-maximum', value: integer ? max + 1 : max + 0.5 }
        : { kind: 'number.huge-undeclared', value: integer ? new RawJson('9223372036854775808') : 1e308 },
      typeof min === 'number'
        ? { kind: 'number.below-minimum', value: integer ? min - 1 : min - 0.5 }
        : {
            kind: 'number.huge-negative-undeclared',
            value: integer ? new RawJson('-9223372036854775809') : -1e308,
          },
      { kind: 'number.overflow', value: new RawJson('1e400') },
    );
    if (integer) out.push({ kind: 'number.fraction', value: 1.5 });
  }
  if (types.includes('array')) {
    const item = validValue(schema.items ?? {}, context.sources, { seed: context.random.int(1e9) });
    const max = schema.maxItems;
    out.push(
      typeof max === 'number'
        ? {
            kind: 'array.above-maxItems',
            value: Array.from({ length: max + 1 }, (_, i) =>
              validValue(schema.items ?? {}, context.sources, { seed: i }),
            ),
          }
        : { kind: 'array.huge-undeclared', value: Array.from({ length: 10_000 }, () => item) },
    );
    if (schema.uniqueItems === true) out.push({ kind: 'array.duplicates', value: [item, item] });
    if (typeof schema.minItems === 'number' && schema.minItems > 0)
      out.push({ kind: 'array.below-minItems', value: [] });
  }
  const object = objectBranch(schema);
  if (object !== undefined || types.length === 0) {
    out.push(
      { kind: 'nesting.object-70', value: deepJson(70, 'object') },
      { kind: 'nesting.array-5000', value: deepJson(5_000, 'array') },
    );
  }
  return out;
}

function shapeWith(baseline: Baseline, body: unknown): RequestShape {
  const shape = renderRequest({ ...baseline, body: undefined });
  const mediaType = baseline.operation.body?.mediaType ?? 'application/json';
  return { ...shape, headers: { ...shape.headers, 'content-type': mediaType }, body: utf8(jsonText(body)) };
}

/**
 * Bad bodies for an operation with a JSON request body: every position's bad values, missing
 * required and unknown properties, bodies of the wrong type, deep, huge, malformed, empty, and
 * with missing or wrong media types. For an operation without a body: an unexpected body.
 *
 * @example
 * bodyMutations(baseline, { random, bodyLimit: 1_048_576, sources }).length; // hundreds for createDeal
 */
export function bodyMutations(baseline: Baseline, context: BodyMutationContext): BadRequest[] {
  const { operation } = baseline;
  const out: BadRequest[] = [];
  const add = (kind: string, target: string, shape: RequestShape, extra: Partial<BadRequest> = {}) =>
    out.push({ operationId: operation.operationId, kind: `body.${kind}`, target, shape, ...extra });
  const base = renderRequest({ ...baseline, body: undefined });

  if (operation.body === undefined) {
    if (operation.method === 'GET' || operation.method === 'DELETE') return out;
    // a body the contract does not describe is an unknown field: refused, not ignored
    const json = {
      ...base,
      headers: { ...base.headers, 'content-type': 'application/json' },
      body: utf8('{"unexpected":true}'),
    };
    add('unexpected-json', '/body', json, { last: true });
    add(
      'unexpected-text',
      '/body',
      { ...base, headers: { ...base.headers, 'content-type': 'text/plain' }, body: utf8('x') },
      { last: true },
    );
    return out;
  }

  const { schema, mediaType, mediaTypes, required } = operation.body;
  const body = baseline.body;
  for (const position of schemaPositions(schema)) {
    const target = `/body${jsonPointer(position.pointer)}`;
    for (const bad of badValues(position.schema, context)) {
      const shape = shapeWith(baseline, withValueAt(body, position.pointer, bad.value));
      // one item past `maxItems` of large items can be past the body limit: refused as too large, unread
      const tooLarge = (shape.body?.byteLength ?? 0) > context.bodyLimit;
      add(bad.kind, target, shape, tooLarge ? { beforeAuth: true, expect: [413] } : {});
    }
    const object = objectBranch(position.schema);
    if (object !== undefined) {
      const holder =
        position.pointer.length === 0
          ? body
          : withValueAt(body, position.pointer, validValue(position.schema, context.sources, { seed: 1 }));
      const at = (value: unknown) =>
        position.pointer.length === 0 ? value : withValueAt(holder, position.pointer, value);
      const current = (position.pointer.reduce<unknown>(
        (node, key) =>
          typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined,
        holder,
      ) ?? {}) as Record<string, unknown>;
      if (object.additionalProperties === false) {
        add('object.unknown-property', target, shapeWith(baseline, at({ ...current, zzUnknownProperty: 1 })));
      }
      if (object.additionalProperties !== false) {
        // an open object (custom fields) takes any property: nest deep inside it
        add(
          'nesting.inside-open-object-70',
          target,
          shapeWith(baseline, at({ ...current, zzDeep: deepJson(70, 'object') })),
        );
        add(
          'nesting.inside-open-object-5000',
          target,
          shapeWith(baseline, at({ ...current, zzDeep: deepJson(5_000, 'array') })),
        );
      }
      // NUL and lone surrogates in property names too
      add('object.nul-property-name', target, shapeWith(baseline, at({ ...current, 'a\u0000b': 1 })));
      add('object.surrogate-property-name', target, shapeWith(baseline, at({ ...current, '\uD800': 1 })));
      for (const name of object.required ?? []) {
        const { [name]: _gone, ...rest } = current;
        add('object.missing-required', `${target}/${name}`, shapeWith(baseline, at(rest)));
      }
    }
  }

  // the body as a whole
  // (the root's wrong types, 70 and 5,000 levels came with its position above)
  add('root.object-5000', '/body', shapeWith(baseline, deepJson(5_000, 'object')));
  const text = jsonText(body ?? {});
  const withText = (t: string | Uint8Array, contentType = mediaType): RequestShape => ({
    ...base,
    headers: { ...base.headers, 'content-type': contentType },
    body: typeof t === 'string' ? utf8(t) : t,
  });
  const malformed: [string, string | Uint8Array][] = [
    ['malformed.open-brace', '{'],
    ['malformed.missing-value', '{"a":}'],
    ['malformed.single-quotes', "{'a':1}"],
    ['malformed.trailing-comma', `${text.slice(0, -1)},}`],
    ['malformed.trailing-garbage', `${text}garbage`],
    ['malformed.truncated', text.slice(0, Math.max(1, Math.floor(text.length / 2)))],
    ['malformed.nan', '{"a":NaN}'],
    ['malformed.nul-byte', `${text}\u0000`],
    ['malformed.invalid-utf8', new Uint8Array([...utf8('{"a":"'), 0xc3, 0x28, 0xff, ...utf8('"}')])],
    ['malformed.proto-key', `{"__proto__":{"polluted":true},${text.slice(1)}`],
  ];
  for (const [kind, t] of malformed) add(kind, '/body', withText(t));
  if (required) add('empty', '/body', withText(''));

  // more than the body limit: announced by Content-Length, and streamed without one
  const huge = utf8(`{"a":"${'x'.repeat(context.bodyLimit + 1024)}"}`);
  add('huge.content-length', '/body', withText(huge), { beforeAuth: true, expect: [413] });
  add('huge.chunked', '/body', { ...withText(huge), chunked: true }, { beforeAuth: true, expect: [413] });

  // media types the operation does not take
  const { 'content-type': _none, ...noType } = base.headers;
  add('content-type.missing', '/headers/content-type', { ...base, headers: noType, body: utf8(text) });
  const others = [
    'text/plain',
    'application/xml',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    'application/octet-stream',
    '%%%',
  ];
  others.push(mediaTypes.includes('application/json') ? 'application/merge-patch+json' : 'application/json');
  for (const type of others.filter((t) => !mediaTypes.includes(t))) {
    add(`content-type.${type.split(/[;/]/)[1] ?? type}`, '/headers/content-type', withText(text, type));
  }
  return out;
}
