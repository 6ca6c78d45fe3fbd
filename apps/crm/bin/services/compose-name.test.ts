import { describe, expect, it } from 'vitest';
import { composeName } from './compose-name.js';

describe('composeName', () => {
  it('is the first name, then the last name when there is one', () => {
    expect(composeName('Ada', 'Lovelace')).toBe('Ada Lovelace');
    expect(composeName('Ada', null)).toBe('Ada');
    expect(composeName('Ada', '')).toBe('Ada');
    expect(composeName('Ada', undefined)).toBe('Ada');
  });
});
