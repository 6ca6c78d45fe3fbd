import { describe, expect, it } from 'vitest';
import manifest from '../../core/app.json' with { type: 'json' };
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

/** Every key of a catalog, as dotted paths. */
function keysOf(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('e-commerce catalogs', () => {
  it('has a German string for every English one, and no other', () => {
    expect(keysOf(de).sort()).toEqual(keysOf(en).sort());
  });

  it('names every navigation entry of core/app.json', () => {
    const camel = (path: string) => path.slice(1).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    for (const entry of manifest.nav) {
      expect(en.nav).toHaveProperty(camel(entry.path));
      expect(de.nav).toHaveProperty(camel(entry.path));
    }
  });
});
