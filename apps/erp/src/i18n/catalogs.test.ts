import { describe, expect, it } from 'vitest';
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

/** Every key of a catalog, plural forms folded into their base key (German and English share them). */
function keysOf(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keysOf(value, `${prefix}${key}.`)
      : [`${prefix}${key.replace(/_(one|other)$/, '')}`],
  );
}

describe('ERP catalogs', () => {
  it('has a German string for every English one', () => {
    const german = new Set(keysOf(de));
    expect(keysOf(en).filter((key) => !german.has(key))).toEqual([]);
  });
});
