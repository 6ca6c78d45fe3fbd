import { describe, expect, it } from 'vitest';
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

/** Every key of a catalog, plural forms folded into their base key. */
function keysOf(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keysOf(value, `${prefix}${key}.`)
      : [`${prefix}${key.replace(/_(one|other)$/, '')}`],
  );
}

describe('admin catalogs', () => {
  it('has a German string for every English one, and no German one left over', () => {
    const german = new Set(keysOf(de));
    const english = new Set(keysOf(en));
    expect([...english].filter((key) => !german.has(key))).toEqual([]);
    expect([...german].filter((key) => !english.has(key))).toEqual([]);
  });
});
