import { describe, expect, it } from 'vitest';
import { salesCatalog } from '../testing/sales-fixture.js';
import { fromDraft, toDraft } from './draft-values.js';
import { writableFields } from './field-model.js';
import { fieldPathOf } from './json-pointer.js';
import { mergePatch } from './merge-patch.js';
import { validateRecord } from './validate-record.js';

const catalog = salesCatalog();
const opportunity = catalog.entity('opportunity');
const base = {
  title: 'Deal',
  accountId: '00000000-0000-4000-8000-000000000001',
  stage: 'lead',
  currency: 'EUR',
};

describe('validateRecord', () => {
  it('runs the Ajv schema and the JSON Logic rules the server runs', () => {
    expect(validateRecord(opportunity, { ...base, status: 'won', amount: 0 })).toEqual([
      {
        path: '/amount',
        code: 'won-needs-amount',
        message: 'A won opportunity needs an amount greater than zero',
      },
    ]);
    expect(validateRecord(opportunity, { ...base, status: 'open' })).toEqual([]);
    const issues = validateRecord(catalog.entity('account'), { name: '', address: { country: 'germany' } });
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['/name', 'minLength'],
      ['/address/country', 'pattern'],
    ]);
  });
});

describe('drafts', () => {
  const fields = writableFields(opportunity, 'create');
  const options = { decimalSeparator: ',', currency: 'EUR' };
  const messages = { notANumber: 'NaN', invalidJson: 'bad json' };

  it('round-trips money in minor units and percent as a ratio', () => {
    const draft = toDraft(fields, { ...base, amount: 123456, probability: 0.25 }, options);
    expect(draft.amount).toBe('1234,56');
    expect(draft.probability).toBe('25');
    const { record } = fromDraft(fields, { ...draft, amount: '1.500,5' }, options, messages);
    expect(record).toMatchObject({ amount: 150050, probability: 0.25, lostReason: null });
    expect(fromDraft(fields, { ...draft, amount: 'ten' }, options, messages).issues).toEqual([
      { path: '/amount', code: 'number', message: 'NaN' },
    ]);
  });

  it('fills defaults on create', () => {
    expect(toDraft(fields, {}, options, { useDefaults: true })).toMatchObject({
      stage: 'lead',
      status: 'open',
      currency: 'EUR',
    });
  });
});

describe('mergePatch and pointers', () => {
  it('sends only changed fields, null for cleared ones, nested objects by field', () => {
    expect(
      mergePatch(
        { name: 'A', domain: 'a.com', address: { city: 'Berlin', street: 'X' }, tags: ['a'] },
        { name: 'A', domain: undefined, address: { city: 'Paris', street: 'X' }, tags: ['a', 'b'] },
        ['name', 'domain', 'address', 'tags'],
      ),
    ).toEqual({ domain: null, address: { city: 'Paris' }, tags: ['a', 'b'] });
  });

  it('maps problem pointers to form paths', () => {
    expect(fieldPathOf('/body/address/city')).toBe('address.city');
    expect(fieldPathOf('/amount')).toBe('amount');
    expect(fieldPathOf('')).toBe('');
  });
});

describe('issue parameters', () => {
  it('keeps what a translated message needs', () => {
    const [issue] = validateRecord(catalog.entity('account'), { name: 'x'.repeat(201) });
    expect(issue).toMatchObject({ path: '/name', code: 'maxLength', params: { limit: 200 } });
  });
});
