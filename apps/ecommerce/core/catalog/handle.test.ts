import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHandle } from './handle.js';

describe('toHandle', () => {
  it('makes a handle of lower-case words joined by hyphens', () => {
    expect(toHandle('Linen Shirt')).toBe('linen-shirt');
    expect(toHandle('  Linen   Shirt -- Slim Fit!  ')).toBe('linen-shirt-slim-fit');
    expect(toHandle('Größe & Passform: Hemd (Leinen)')).toBe('groesse-and-passform-hemd-leinen');
    expect(toHandle('Crème brûlée Ø 12 cm')).toBe('creme-brulee-o-12-cm');
  });

  it('has no handle for a title without letters or digits', () => {
    expect(toHandle('🎁 🎉')).toBeUndefined();
    expect(toHandle('')).toBeUndefined();
  });

  it('cuts a long title at a word', () => {
    expect(toHandle('alpha beta gamma', 12)).toBe('alpha-beta');
    expect(toHandle('supercalifragilistic', 5)).toBe('super');
  });

  it('always answers what the schemas take as a handle', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (title) => {
        const handle = toHandle(title);
        if (handle !== undefined) {
          expect(handle).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
          expect(handle.length).toBeLessThanOrEqual(120);
        }
      }),
    );
  });
});
