import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { formatEtag, ifMatchHolds } from './etag.js';

const id = '6f1c7a52-2f3a-4a8e-9d55-0b3c2c1f0a11';

describe('formatEtag', () => {
  it('is a strong tag of id and version', () => {
    expect(formatEtag(id, 3)).toBe(`"${id}:3"`);
  });
});

describe('ifMatchHolds', () => {
  it('lets a write without If-Match, or with *, go ahead', () => {
    expect(ifMatchHolds(undefined, id, 3)).toBe(true);
    expect(ifMatchHolds('*', id, 3)).toBe(true);
  });

  it('holds for the current tag, in a list too, and for its weak form', () => {
    expect(ifMatchHolds(`"${id}:3"`, id, 3)).toBe(true);
    expect(ifMatchHolds(`"x:1", "${id}:3"`, id, 3)).toBe(true);
    expect(ifMatchHolds(`W/"${id}:3"`, id, 3)).toBe(true);
  });

  it('fails for a stale version or another record’s tag', () => {
    expect(ifMatchHolds(`"${id}:2"`, id, 3)).toBe(false);
    expect(ifMatchHolds(`"00000000-0000-4000-8000-000000000000:3"`, id, 3)).toBe(false);
    expect(ifMatchHolds('"3"', id, 3)).toBe(false);
  });

  it('refuses a header that is no entity tag', () => {
    expect(() => ifMatchHolds('3', id, 3)).toThrow(DomainError);
    try {
      ifMatchHolds('nope', id, 3);
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_PARAMETER', status: 400 });
    }
  });
});
