import { describe, expect, it } from 'vitest';
import { createPreparePolicy } from './prepare-policy.js';

describe('createPreparePolicy', () => {
  it('prepares a text from its second sighting on', () => {
    const policy = createPreparePolicy();
    expect(policy.shouldPrepare('select $1')).toBe(false);
    expect(policy.shouldPrepare('select $1')).toBe(true);
    expect(policy.shouldPrepare('select $1')).toBe(true);
  });

  it('promotes a bounded number of texts and forgets one-off texts when too many pile up', () => {
    const policy = createPreparePolicy({ maxPrepared: 2, maxSeen: 3 });
    for (const text of ['a', 'a', 'b', 'b']) policy.shouldPrepare(text);
    expect(policy.shouldPrepare('c')).toBe(false);
    expect(policy.shouldPrepare('c')).toBe(false);
    expect(policy.shouldPrepare('a')).toBe(true);

    const forgetful = createPreparePolicy({ maxSeen: 2 });
    for (const text of ['x', 'y', 'z']) forgetful.shouldPrepare(text);
    // 'x' was forgotten when 'z' came: its next sighting is a first one again
    expect(forgetful.shouldPrepare('x')).toBe(false);
    expect(forgetful.shouldPrepare('z')).toBe(true);
  });
});
