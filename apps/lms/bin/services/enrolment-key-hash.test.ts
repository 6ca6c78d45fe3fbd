import { describe, expect, it } from 'vitest';
import { enrolmentKeyMatches, hashEnrolmentKey } from './enrolment-key-hash.js';

describe('enrolment key hashes', () => {
  it('matches the key it was made from and nothing else, salted per hash', async () => {
    const stored = await hashEnrolmentKey('spring-2027');
    expect(stored).toMatch(/^scrypt\$[\w-]+\$[\w-]+$/);
    expect(stored).not.toContain('spring-2027');
    expect(await enrolmentKeyMatches('spring-2027', stored)).toBe(true);
    expect(await enrolmentKeyMatches('spring-2028', stored)).toBe(false);
    expect(await hashEnrolmentKey('spring-2027')).not.toBe(stored);
    expect(await enrolmentKeyMatches('spring-2027', 'plain-text')).toBe(false);
  });
});
