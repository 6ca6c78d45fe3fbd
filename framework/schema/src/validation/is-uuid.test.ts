import { describe, expect, it } from 'vitest';
import { isUuid } from './is-uuid.js';

describe('isUuid', () => {
  it('takes a uuid of any version in either case, and nothing else', () => {
    expect(isUuid('0a0a0a0a-0000-4000-8000-00000000000a')).toBe(true);
    expect(isUuid('22BA422E-F3B5-59A2-8685-A3A96D6F9718')).toBe(true);
    for (const bad of [
      '',
      '0a0a0a0a',
      '0a0a0a0a-0000-4000-8000-00000000000a ',
      'g'.repeat(36),
      42,
      null,
      undefined,
    ]) {
      expect(isUuid(bad), String(bad)).toBe(false);
    }
    expect(isUuid('0a0a0a0a-0000-4000-8000-00000000000a\n')).toBe(false);
  });
});
