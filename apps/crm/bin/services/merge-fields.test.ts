import { describe, expect, it } from 'vitest';
import { companyMergePatch, fillEmpty, personMergePatch, unite } from './merge-fields.js';

describe('merge fields', () => {
  it('unites lists in order, each member once by its key', () => {
    expect(unite([[1, 2], [2, 3], [1]])).toEqual([1, 2, 3]);
    expect(unite([['a@x.io'], ['A@X.io', 'b@x.io']], (e) => e.toLowerCase())).toEqual(['a@x.io', 'b@x.io']);
  });

  it("fills the kept record's empty fields from the first duplicate that has them", () => {
    expect(
      fillEmpty<
        { phone?: string | null; industry?: string; size?: string | null },
        'phone' | 'industry' | 'size'
      >(
        { phone: null, industry: 'retail', size: '' },
        [
          { phone: '+493012345', size: null },
          { phone: '+4940999', size: '11-50' },
        ],
        ['phone', 'industry', 'size'],
      ),
    ).toEqual({ phone: '+493012345', size: '11-50' });
  });

  it("keeps every email of a person: one primary, the duplicates' as others, none twice", () => {
    const patch = personMergePatch(
      {
        firstName: 'Ada',
        email: 'ada@a.io',
        otherEmails: ['old@a.io'],
        phones: [],
        tagIds: ['t1'],
        custom: {},
      },
      [
        {
          firstName: 'Ada',
          email: 'ADA@a.io',
          otherEmails: ['ada@b.io'],
          phones: [],
          tagIds: [],
          custom: {},
        },
        {
          firstName: 'A.',
          email: 'lovelace@c.io',
          otherEmails: [],
          phones: [],
          tagIds: ['t2', 't1'],
          custom: {},
        },
      ],
    );
    expect(patch).toEqual({ otherEmails: ['old@a.io', 'ada@b.io', 'lovelace@c.io'], tagIds: ['t1', 't2'] });
  });

  it("takes a duplicate's email as primary when the kept person has none, and unites phones by number", () => {
    const work = { number: '+493012345', label: 'work' } as const;
    const patch = personMergePatch(
      { firstName: 'Ada', email: null, otherEmails: [], phones: [work], tagIds: [], custom: { vip: true } },
      [
        {
          firstName: 'Ada',
          lastName: 'Lovelace',
          email: 'ada@b.io',
          otherEmails: ['ada@c.io'],
          phones: [
            { number: '+493012345', label: 'mobile' },
            { number: '+4917000', label: 'mobile' },
          ],
          tagIds: [],
          custom: { vip: false, region: 'EU' },
        },
      ],
    );
    expect(patch).toEqual({
      lastName: 'Lovelace',
      email: 'ada@b.io',
      otherEmails: ['ada@c.io'],
      phones: [work, { number: '+4917000', label: 'mobile' }],
      custom: { vip: true, region: 'EU' },
    });
  });

  it('changes nothing when the duplicates add nothing', () => {
    const company = { name: 'Acme', domain: 'acme.io', tagIds: ['t1'], custom: {} };
    expect(companyMergePatch(company, [{ name: 'ACME', domain: null, tagIds: ['t1'], custom: {} }])).toEqual(
      {},
    );
  });
});
