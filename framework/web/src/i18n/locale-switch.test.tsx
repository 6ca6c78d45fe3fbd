import { cleanup, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeId } from '../testing/fake-api.js';
import { renderSalesApp } from '../testing/render-sales-app.js';
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

type Catalog = { [key: string]: string | Catalog };

function leaves(catalog: Catalog, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === 'string') result.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) result.set(k, v);
  }
  return result;
}

/** The English phrases that must not show under German: catalog values, or their fixed parts around `{{…}}`. */
function englishPhrases(): string[] {
  const german = leaves(de as Catalog);
  const phrases = new Set<string>();
  for (const [key, value] of leaves(en as Catalog)) {
    if (german.get(key) === value) continue; // the same in both languages ("Name", "Tafel" aside)
    for (const part of value.split(/\{\{[^}]+\}\}/)) {
      const phrase = part.trim();
      if (phrase.length >= 4) phrases.add(phrase);
    }
  }
  return [...phrases];
}

/** Everything a person reads or hears: text, and the names and hints in attributes. */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whether `phrase` stands in `text` as words ("Filter" is not in "Filtern", "Open" not in "Opportunities"). */
const contains = (text: string, phrase: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, 'u').test(text);

function visibleText(): string {
  const attributes = [...document.querySelectorAll('[aria-label],[placeholder],[title]')].flatMap((element) =>
    ['aria-label', 'placeholder', 'title'].map((name) => element.getAttribute(name) ?? ''),
  );
  return [document.body.textContent ?? '', ...attributes].join('\n');
}

const pages = [
  { path: '/accounts', ready: 'Acme' },
  { path: '/opportunities/new', ready: null },
  { path: `/opportunities/${fakeId(11)}`, ready: 'Deal 001' },
  { path: '/opportunities/board', ready: 'Deal 001' },
];

describe('locale', () => {
  it('has the same keys in English and German', () => {
    expect([...leaves(de as Catalog).keys()].sort()).toEqual([...leaves(en as Catalog).keys()].sort());
  });

  it.each(pages)('renders $path with no English framework string under German', async ({ path, ready }) => {
    const phrases = englishPhrases();
    renderSalesApp({ path, locale: 'en-US' });
    if (ready) await screen.findAllByText(ready);
    else await screen.findByRole('button', { name: /Create/ });
    const englishText = visibleText();
    // the check means something: under English, the catalog's phrases are on the page
    expect(phrases.filter((phrase) => contains(englishText, phrase)).length).toBeGreaterThan(3);
    cleanup();

    renderSalesApp({ path, locale: 'de-DE' });
    if (ready) await screen.findAllByText(ready);
    else await screen.findByRole('button', { name: /anlegen/ });
    const text = visibleText();
    expect(phrases.filter((phrase) => contains(text, phrase))).toEqual([]);
    if (path === '/accounts') expect(text).toContain('Datensätze angezeigt');
    if (path.startsWith('/opportunities/0')) expect(text).toMatch(/1\.000\s€/u);
  });
});
