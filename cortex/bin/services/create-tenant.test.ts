import { describe, expect, it } from 'vitest';
import { slugOf } from './create-tenant.js';

describe('slugOf', () => {
  it.each([
    ['Globex Corp.', 'globex-corp'],
    ['  Ünïcode & Co  ', 'unicode-co'],
    ['Ācme (demo)', 'acme-demo'],
    ['!!!', 'tenant'],
    ['x'.repeat(60), 'x'.repeat(40)],
  ])('%j → %j', (name, slug) => {
    expect(slugOf(name)).toBe(slug);
  });
});
