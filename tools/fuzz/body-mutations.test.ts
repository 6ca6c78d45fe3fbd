import type { JsonSchema } from '@codexion/schema';
import { describe, expect, it } from 'vitest';
import type { Baseline } from './baseline-request.js';
import { bodyMutations, withValueAt } from './body-mutations.js';
import type { ContractOperation } from './contract-operations.js';
import { seededRandom } from './seeded-random.js';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 20 },
    amount: { type: 'integer', minimum: 0 },
    tags: { type: 'array', maxItems: 3, uniqueItems: true, items: { type: 'string' } },
  },
  required: ['name'],
  additionalProperties: false,
};
const operation: ContractOperation = {
  operationId: 'createThing',
  method: 'POST',
  path: '/api/demo/things',
  app: 'demo',
  parameters: [],
  body: { required: true, mediaTypes: ['application/json'], mediaType: 'application/json', schema },
  secured: true,
};
const baseline: Baseline = { operation, pathParams: {}, query: [], headers: {}, body: { name: 'ok' } };
const sources = { refIds: () => [], userId: 'u', tenantId: 't' };
const generate = (seed: number) =>
  bodyMutations(baseline, { random: seededRandom(seed), bodyLimit: 4096, sources }).map((r) => ({
    kind: r.kind,
    target: r.target,
    body: r.shape.body === undefined ? '' : Buffer.from(r.shape.body).toString('utf8'),
    type: r.shape.headers['content-type'],
  }));

describe('bodyMutations', () => {
  it('breaks each position of the schema and the body as a whole', () => {
    const requests = generate(1);
    const body = (kind: string, target: string) =>
      requests.find((r) => r.kind === kind && r.target === target)?.body;
    expect(body('body.string.nul', '/body/name')).toBe('{"name":"before\\u0000after"}');
    expect(body('body.string.lone-high-surrogate', '/body/name')).toBe('{"name":"x\\ud800y"}');
    expect(body('body.string.above-maxLength', '/body/name')).toBe(`{"name":"${'x'.repeat(21)}"}`);
    expect(body('body.number.below-minimum', '/body/amount')).toBe('{"name":"ok","amount":-1}');
    expect(body('body.number.huge-undeclared', '/body/amount')).toBe(
      '{"name":"ok","amount":9223372036854775808}',
    );
    expect(JSON.parse(body('body.array.above-maxItems', '/body/tags') ?? '{}').tags).toHaveLength(4);
    expect(body('body.object.missing-required', '/body/name')).toBe('{}');
    expect(body('body.object.unknown-property', '/body')).toBe('{"name":"ok","zzUnknownProperty":1}');
    expect(body('body.root.object-5000', '/body')).toMatch(/^(\{"a":){5000}1\}{5000}$/);
    expect(requests.find((r) => r.kind === 'body.huge.content-length')?.body.length).toBeGreaterThan(4096);
    expect(requests.filter((r) => r.kind.startsWith('body.content-type.')).map((r) => r.type)).toContain(
      'text/plain',
    );
  });

  it('makes the same requests for the same seed', () => {
    expect(generate(7)).toEqual(generate(7));
  });
});

describe('withValueAt', () => {
  it('sets a value at a pointer on a copy, making the parents it needs', () => {
    const body = { a: 1 };
    expect(withValueAt(body, ['b', 'c'], 2)).toEqual({ a: 1, b: { c: 2 } });
    expect(withValueAt(body, ['list', '0'], 'x')).toEqual({ a: 1, list: ['x'] });
    expect(withValueAt(body, ['a'], undefined)).toEqual({});
    expect(body).toEqual({ a: 1 });
  });
});
