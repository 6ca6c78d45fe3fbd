import type { JsonSchema } from '@codexion/schema';
import { describe, expect, it } from 'vitest';
import { auditDiff, maskedValue } from './audit-diff.js';
import { piiMask } from './pii-mask.js';

describe('auditDiff', () => {
  it('keeps only changed fields, with the side that existed', () => {
    expect(
      auditDiff(
        { name: 'Acme', tags: ['a'], tier: 'gold', gone: 1 },
        { name: 'Acme AG', tags: ['a'], tier: 'gold', added: null },
      ),
    ).toEqual({
      name: { before: 'Acme', after: 'Acme AG' },
      gone: { before: 1 },
      added: { after: null },
    });
  });

  it('compares only the given fields and masks personal data by name', () => {
    expect(
      auditDiff(
        { email: 'a@x.io', version: 1 },
        { email: 'b@x.io', version: 2 },
        { fields: ['email'], pii: new Set(['email']) },
      ),
    ).toEqual({ email: { before: maskedValue, after: maskedValue } });
  });
});

describe('piiMask', () => {
  const phone: JsonSchema = {
    $id: 'phone.schema.json',
    type: 'object',
    properties: { number: { type: 'string', 'x-codexion': { pii: true } }, kind: { type: 'string' } },
  };
  const person: JsonSchema = {
    type: 'object',
    $defs: {
      address: { type: 'object', properties: { street: { type: 'string', 'x-codexion': { pii: true } } } },
    },
    properties: {
      name: { type: 'string' },
      email: { type: ['string', 'null'], 'x-codexion': { pii: true } },
      phones: { type: 'array', items: { $ref: 'phone.schema.json' } },
      home: { $ref: '#/$defs/address' },
      secretList: { type: 'array', items: { type: 'string' }, 'x-codexion': { pii: true } },
    },
  };
  const mask = piiMask(person, (ref) => (ref === 'phone.schema.json' ? phone : undefined));

  it('masks tagged properties whole and tagged parts inside objects, arrays and refs', () => {
    expect(mask('name', 'Ada')).toBe('Ada');
    expect(mask('email', 'ada@x.io')).toBe(maskedValue);
    expect(mask('email', null)).toBeNull();
    expect(mask('secretList', ['a', 'b'])).toBe(maskedValue);
    expect(mask('phones', [{ number: '+49 30', kind: 'work' }])).toEqual([
      { number: maskedValue, kind: 'work' },
    ]);
    expect(mask('home', { street: 'Main St 1', city: 'X' })).toEqual({ street: maskedValue, city: 'X' });
    expect(mask('unknown', 'x')).toBe('x');
  });
});
