import type { JsonSchema } from '@codexion/schema';
import type { BadRequest } from './bad-request.js';
import { type Baseline, renderRequest } from './baseline-request.js';
import type { ContractParameter } from './contract-operations.js';
import { objectBranch, schemaTypes } from './inline-schema.js';
import type { SeededRandom } from './seeded-random.js';

export interface QueryMutationContext {
  random: SeededRandom;
  /** a real cursor of this list, and one of another list (signed, but foreign here) */
  cursor?: string;
  foreignCursor?: string;
}

const enc = encodeURIComponent;
const nul = '%00';
const surrogate = '%ED%A0%80';

/** Query texts (percent-encoded as sent) that break a scalar or list parameter's schema. */
export function badParameterTexts(schema: JsonSchema): { kind: string; text: string }[] {
  const types = schemaTypes(schema);
  const out: { kind: string; text: string }[] = [];
  if (types.includes('array')) {
    const items = schema.items ?? {};
    const first = items.enum?.find((v): v is string => typeof v === 'string') ?? 'a';
    out.push(
      { kind: 'list.unknown-item', text: 'zz-unknown-item' },
      { kind: 'list.nul-item', text: `${enc(first)},a${nul}b` },
      { kind: 'list.surrogate-item', text: surrogate },
      { kind: 'list.empty-items', text: ',,' },
      {
        kind: typeof schema.maxItems === 'number' ? 'list.above-maxItems' : 'list.huge-undeclared',
        text: Array.from({ length: typeof schema.maxItems === 'number' ? schema.maxItems + 1 : 1_000 }, () =>
          enc(first),
        ).join(','),
      },
    );
    if (schema.uniqueItems === true)
      out.push({ kind: 'list.duplicates', text: `${enc(first)},${enc(first)}` });
    if (typeof schema.contentMediaType === 'string') out.push({ kind: 'list.json', text: enc('{"a":1}') });
    return out;
  }
  if (types.includes('integer') || types.includes('number')) {
    const integer = !types.includes('number');
    const max = (schema.maximum ?? schema.exclusiveMaximum) as number | undefined;
    const min = (schema.minimum ?? schema.exclusiveMinimum) as number | undefined;
    out.push(
      { kind: 'number.not-a-number', text: 'abc' },
      { kind: 'number.empty', text: '' },
      { kind: 'number.nul', text: `1${nul}` },
      { kind: 'number.overflow', text: '1e400' },
      typeof max === 'number'
        ? { kind: 'number.above-maximum', text: String(max + 1) }
        : { kind: 'number.huge-undeclared', text: '99999999999999999999999' },
      typeof min === 'number'
        ? { kind: 'number.below-minimum', text: String(min - 1) }
        : { kind: 'number.huge-negative-undeclared', text: '-99999999999999999999999' },
    );
    if (integer) out.push({ kind: 'number.fraction', text: '1.5' });
    return out;
  }
  if (types.includes('boolean')) {
    return [
      { kind: 'boolean.not-a-boolean', text: 'maybe' },
      { kind: 'boolean.empty', text: '' },
      { kind: 'boolean.nul', text: `true${nul}` },
    ];
  }
  out.push(
    { kind: 'string.nul', text: `a${nul}b` },
    { kind: 'string.nul-only', text: nul },
    { kind: 'string.lone-high-surrogate', text: `x${surrogate}y` },
    { kind: 'string.lone-low-surrogate', text: '%ED%B0%80' },
    typeof schema.maxLength === 'number'
      ? { kind: 'string.above-maxLength', text: 'x'.repeat(schema.maxLength + 1) }
      : { kind: 'string.huge-undeclared', text: 'x'.repeat(6_000) },
  );
  if (typeof schema.minLength === 'number' && schema.minLength > 0)
    out.push({ kind: 'string.below-minLength', text: 'x'.repeat(schema.minLength - 1) });
  if (schema.format === 'uuid') out.push({ kind: 'string.format-uuid', text: 'not-a-uuid' });
  if (schema.format === 'date-time') out.push({ kind: 'string.format-date-time', text: 'yesterday' });
  if (schema.format === 'date') out.push({ kind: 'string.format-date', text: '2025-02-30' });
  if (typeof schema.pattern === 'string') {
    const pattern = new RegExp(schema.pattern, 'u');
    const miss = [' ', '!!', 'Ω', 'a b'].find((c) => !pattern.test(c));
    if (miss !== undefined) out.push({ kind: 'string.pattern', text: enc(miss) });
  }
  if (schema.enum !== undefined) out.push({ kind: 'string.enum', text: 'not-in-the-enum' });
  return out;
}

/** `where` values that are not JSON Logic the list can compile, or that carry bad data. */
function badWhere(field: string): { kind: string; text: string }[] {
  const logic = (value: unknown) => enc(JSON.stringify(value));
  const variable = { var: field };
  return [
    { kind: 'where.not-json', text: enc('{"==":') },
    { kind: 'where.nul', text: nul },
    { kind: 'where.not-logic', text: logic({ zzNoSuchOperator: [1] }) },
    { kind: 'where.unknown-var', text: logic({ '==': [{ var: 'zzNoSuchField' }, 1] }) },
    { kind: 'where.proto-var', text: logic({ '==': [{ var: '__proto__' }, 1] }) },
    { kind: 'where.wrong-arity', text: logic({ '==': [variable] }) },
    { kind: 'where.nul-literal', text: logic({ '==': [variable, 'a\u0000b'] }) },
    {
      kind: 'where.surrogate-literal',
      text: enc('{"==":[{"var":"').concat(enc(field), enc('"},"x'), surrogate, enc('"]}')),
    },
    { kind: 'where.overflow-literal', text: enc(`{"==":[{"var":"${field}"},1e400]}`) },
    { kind: 'where.object-70', text: enc(`${'{"!":'.repeat(70)}true${'}'.repeat(70)}`) },
    // raw brackets: the nesting must fit the request line (Node refuses lines past 16 KiB)
    { kind: 'where.array-5000', text: `${'['.repeat(5_000)}1${']'.repeat(5_000)}` },
  ];
}

/** Bad `filter[...]` parameters: unknown fields and operators, bad values, bad nesting. */
function badFilter(schema: JsonSchema, random: SeededRandom): { kind: string; text: string }[] {
  const out: { kind: string; text: string }[] = [
    { kind: 'filter.unknown-field', text: 'filter[zzUnknown]=1' },
    { kind: 'filter.not-deep', text: 'filter=1' },
    { kind: 'filter.proto', text: 'filter[__proto__][x]=1' },
    { kind: 'filter.constructor', text: 'filter[constructor]=1' },
    { kind: 'filter.empty-brackets', text: 'filter[]=1' },
  ];
  for (const [field, fieldSchema] of Object.entries(schema.properties ?? {})) {
    const f = `filter[${enc(field)}]`;
    out.push(
      { kind: 'filter.nul', text: `${f}=a${nul}b` },
      { kind: 'filter.surrogate', text: `${f}=${surrogate}` },
      { kind: 'filter.unknown-operator', text: `${f}[regex]=x` },
      { kind: 'filter.too-deep', text: `${f}[eq][x]=1` },
    );
    const operators = objectBranch(fieldSchema)?.properties ?? {};
    const names = Object.keys(operators);
    if (names.length > 0) {
      const op = random.pick(names);
      const opSchema = operators[op] ?? {};
      const typed = schemaTypes(opSchema).some((t) => t !== 'string') || opSchema.format !== undefined;
      if (typed) out.push({ kind: 'filter.wrong-type', text: `${f}[${op}]=not-of-this-type` });
      out.push({ kind: 'filter.operator-nul', text: `${f}[${op}]=${nul}` });
    }
    if (names.includes('in'))
      out.push({ kind: 'filter.in-huge', text: `${f}[in]=${Array(3_000).fill('x').join(',')}` });
    if (names.includes('isNull')) out.push({ kind: 'filter.isNull-not-boolean', text: `${f}[isNull]=maybe` });
  }
  return out;
}

/**
 * Bad query strings for an operation: every declared parameter with values its schema refuses
 * (NUL, lone surrogates, bounds, types), given twice; lists with unknown items; `filter` with
 * unknown fields and operators; `where` that is not JSON Logic or is too deep; forged, truncated,
 * tampered and foreign cursors; unknown parameters and malformed query strings.
 *
 * @example
 * queryMutations(listDealsBaseline, { random, cursor }).map((r) => r.shape.query); // ['pageSize=0', …]
 */
export function queryMutations(baseline: Baseline, context: QueryMutationContext): BadRequest[] {
  const { operation } = baseline;
  const shape = renderRequest(baseline);
  const kept = (without: string) =>
    baseline.query.filter(([name]) => name !== without).map(([name, value]) => `${enc(name)}=${enc(value)}`);
  const out: BadRequest[] = [];
  const add = (kind: string, target: string, query: string) =>
    out.push({
      operationId: operation.operationId,
      kind: `query.${kind}`,
      target,
      shape: { ...shape, query },
    });
  const joined = (name: string, parts: string[]) => [...kept(name), ...parts].join('&');

  const params = operation.parameters.filter((p): p is ContractParameter => p.in === 'query');
  for (const param of params) {
    const target = `/query/${param.name}`;
    const key = enc(param.name);
    if (param.style === 'deepObject') {
      for (const bad of badFilter(param.schema, context.random))
        add(bad.kind, target, joined(param.name, [bad.text]));
      continue;
    }
    if (param.name === 'where' || param.schema.contentMediaType === 'application/json') {
      // a text field, so literals reach a text column
      const fields = Object.entries(params.find((p) => p.style === 'deepObject')?.schema.properties ?? {});
      const text = fields.find(([, s]) =>
        (s.anyOf as JsonSchema[] | undefined)?.some((b) => b.type === 'string' && b.format === undefined),
      );
      const field = text?.[0] ?? fields.find(([f]) => f !== 'id')?.[0] ?? 'id';
      for (const bad of badWhere(field)) add(bad.kind, target, joined(param.name, [`${key}=${bad.text}`]));
      continue;
    }
    for (const bad of badParameterTexts(param.schema))
      add(`${param.name}.${bad.kind}`, target, joined(param.name, [`${key}=${bad.text}`]));
    if (!schemaTypes(param.schema).includes('array'))
      add(`${param.name}.duplicate`, target, joined(param.name, [`${key}=1`, `${key}=1`]));
    if (param.name === 'cursor') {
      const forged = Buffer.from(JSON.stringify({ id: context.random.hex(8), v: 1 })).toString('base64url');
      add('cursor.forged', target, joined('cursor', [`cursor=${forged}.${context.random.hex(43)}`]));
      if (context.cursor !== undefined) {
        const real = context.cursor;
        const middle = Math.floor(real.length / 2);
        const flipped = `${real.slice(0, middle)}${real[middle] === 'A' ? 'B' : 'A'}${real.slice(middle + 1)}`;
        add('cursor.truncated', target, joined('cursor', [`cursor=${enc(real.slice(0, -3))}`]));
        add('cursor.tampered', target, joined('cursor', [`cursor=${enc(flipped)}`]));
        if (params.some((p) => p.name === 'page'))
          add('cursor.with-page', target, joined('cursor', [`cursor=${enc(real)}`, 'page=2']));
      }
      if (context.foreignCursor !== undefined)
        add('cursor.foreign', target, joined('cursor', [`cursor=${enc(context.foreignCursor)}`]));
    }
  }
  const all = kept('');
  for (const [kind, text] of [
    ['unknown', 'zzUnknown=1'],
    ['unknown-nul-name', `${nul}=1`],
    ['unknown-surrogate-name', `${surrogate}=1`],
    ['empty-name', '=1'],
    ['bare-percent', '%'],
    ['broken-percent', 'zz=%E0%A4%A'],
    ['brackets-on-scalar', 'zz[a]=1'],
  ] as const) {
    add(kind, '/query', [...all, text].join('&'));
  }
  return out;
}
