import { describe, expect, it } from 'vitest';
import { mergedEmails } from './merge-fields.js';

describe('mergedEmails', () => {
  it("keeps every email of a person: one primary, the duplicates' as others, none twice", () => {
    const patch = mergedEmails(
      { email: 'ada@a.io', otherEmails: ['old@a.io'] },
      [
        { email: 'ADA@a.io', otherEmails: ['ada@b.io'] },
        { email: 'lovelace@c.io', otherEmails: [] },
      ],
      { tagIds: ['t1', 't2'] },
    );
    expect(patch).toEqual({ tagIds: ['t1', 't2'], otherEmails: ['old@a.io', 'ada@b.io', 'lovelace@c.io'] });
  });

  it("takes the primary the strategies filled in (a duplicate's) and keeps the rest as others", () => {
    const patch = mergedEmails(
      { email: null, otherEmails: [] },
      [{ email: 'ada@b.io', otherEmails: ['ada@c.io'] }],
      { email: 'ada@b.io' },
    );
    expect(patch).toEqual({ email: 'ada@b.io', otherEmails: ['ada@c.io'] });
  });

  it('changes nothing when the duplicates add no address', () => {
    expect(
      mergedEmails({ email: 'a@x.io', otherEmails: [] }, [{ email: 'A@x.io', otherEmails: [] }], {}),
    ).toEqual({});
  });
});
