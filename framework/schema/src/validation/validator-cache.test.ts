import { describe, expect, it } from 'vitest';
import { ValidatorCache } from './validator-cache.js';

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  required: ['email'],
  properties: {
    email: { type: 'string', format: 'email' },
    age: { type: 'integer', minimum: 0 },
    status: { enum: ['a', 'b'] },
    address: { type: 'object', properties: { 'zip/code': { type: 'string', maxLength: 5 } } },
  },
  'x-codexion': { table: 'people' },
};

describe('ValidatorCache', () => {
  it('compiles a schema once', () => {
    const cache = new ValidatorCache();
    expect(cache.get(schema)).toBe(cache.get(schema));
  });

  it('reports every problem as { path, code, message } with JSON Pointers on the field', () => {
    const result = new ValidatorCache().validate(schema, {
      age: -1,
      status: 'c',
      extra: true,
      address: { 'zip/code': '1234567' },
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: '/email', code: 'required', message: 'is required' },
        { path: '/extra', code: 'additionalProperties', message: 'is not a known field' },
        { path: '/age', code: 'minimum', message: 'must be >= 0' },
        { path: '/status', code: 'enum', message: 'must be one of: "a", "b"' },
        { path: '/address/zip~1code', code: 'maxLength', message: 'must NOT have more than 5 characters' },
      ],
    });
  });

  it('checks formats', () => {
    expect(new ValidatorCache().validate(schema, { email: 'nope' })).toEqual({
      ok: false,
      issues: [{ path: '/email', code: 'format', message: 'must be a valid email' }],
    });
    expect(new ValidatorCache().validate(schema, { email: 'a@b.example' }).ok).toBe(true);
  });

  it('refuses unknown keywords in strict mode', () => {
    expect(() => new ValidatorCache().get({ type: 'string', maxLenght: 3 })).toThrow(/unknown keyword/);
  });
});
