/**
 * Screenshots of the example app's generated pages in light and dark, for reviewing how they read:
 *   npx tsx framework/web/example/take-screenshots.ts [--lang=de]
 * Writes framework/web/example/screenshots/<page>-<theme>.png.
 */
import { mkdirSync } from 'node:fs';
import { buildExample, exampleRoot, launchChromium, previewExample } from './preview-browser.js';

const fakeId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const lang = process.argv.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length);
const suffix = lang ? `?lang=${lang}` : '';

// accounts are records 1–24 of the demo API, opportunities 25–60
const pages = [
  { name: 'list', path: '/opportunities', ready: 'Deal 001' },
  { name: 'form', path: '/opportunities/new', ready: null },
  { name: 'edit', path: `/accounts/${fakeId(1)}/edit`, ready: null },
  { name: 'detail', path: `/opportunities/${fakeId(25)}`, ready: 'Deal 001' },
  { name: 'detail-related', path: `/accounts/${fakeId(1)}`, ready: 'Deal 001' },
  { name: 'kanban', path: '/opportunities/board', ready: 'Deal 001' },
];

const outDir = `${exampleRoot}screenshots`;
mkdirSync(outDir, { recursive: true });
await buildExample();
const { url, server } = await previewExample();
const browser = await launchChromium();
try {
  for (const theme of ['light', 'dark'] as const) {
    const context = await browser.newContext({
      viewport: { width: 1360, height: 900 },
      deviceScaleFactor: 1,
    });
    await context.addInitScript((value) => localStorage.setItem('codexion-theme', value), theme);
    const page = await context.newPage();
    for (const { name, path, ready } of pages) {
      await page.goto(`${url}${path}${suffix}`);
      if (ready) await page.getByText(ready).first().waitFor();
      else await page.locator('form[data-slot="schema-form"]').waitFor();
      if (name === 'form') {
        // show the rule the server would enforce, before submitting
        await page.getByLabel(/^Title|^Titel/).fill('Renewal 2026');
        await page.getByRole('combobox', { name: /Status/ }).click();
        await page.getByRole('option', { name: /Won|Gewonnen/ }).click();
      }
      await page.waitForTimeout(400);
      await page.screenshot({
        path: `${outDir}/${name}-${theme}${lang ? `-${lang}` : ''}.png`,
        fullPage: name !== 'list',
      });
      console.log(`${name}-${theme}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
