import { describe, expect, it } from 'vitest';
import de from './messages.de.json' with { type: 'json' };
import en from './messages.en.json' with { type: 'json' };

/** Every key of a catalog, with the `{{params}}` its text uses. */
function entries(catalog: object, prefix = ''): [string, string[]][] {
  return Object.entries(catalog).flatMap(([key, value]): [string, string[]][] =>
    typeof value === 'object' && value !== null
      ? entries(value, `${prefix}${key}.`)
      : [
          [
            `${prefix}${key}`,
            [...String(value).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] as string).sort(),
          ],
        ],
  );
}

describe('pricing message catalogs', () => {
  it('has a German text for every English one, with the same parameters', () => {
    expect(entries(de)).toEqual(entries(en));
  });
});
