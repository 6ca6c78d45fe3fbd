// @vitest-environment node
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { type ServedGallery, serveGallery } from './serve-gallery.js';

/*
 * The gallery renders every primitive; axe checks it in real Chromium, light and dark, with the
 * page as it loads and with each kind of overlay open. Serious and critical violations fail.
 */

type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

interface Finding {
  state: string;
  rule: string;
  impact: Impact;
  help: string;
  targets: string[];
}

let gallery: ServedGallery;
let browser: Browser;

beforeAll(async () => {
  gallery = await serveGallery();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await gallery?.close();
});

async function audit(page: Page, state: string, include?: string): Promise<Finding[]> {
  const builder = new AxeBuilder({ page });
  if (include !== undefined) builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((violation) => ({
    state,
    rule: violation.id,
    impact: (violation.impact ?? 'minor') as Impact,
    help: violation.help,
    targets: violation.nodes
      .slice(0, 5)
      .map((node) => `${node.target.join(' ')} ${node.failureSummary ?? ''}`),
  }));
}

/** Opens an overlay with `open`, audits what `include` selects, closes it with Escape. */
async function auditOverlay(page: Page, state: string, open: () => Promise<void>, include: string) {
  await open();
  await page.locator(include).first().waitFor();
  const findings = await audit(page, state, include);
  await page.keyboard.press('Escape');
  await page.locator(include).first().waitFor({ state: 'detached' });
  return findings;
}

describe('gallery accessibility (axe-core in Chromium)', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`has no serious or critical violations in ${theme} mode`, async () => {
      // axe needs a page from an explicit context (it opens a blank page in it to run)
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      try {
        await page.goto(`${gallery.url}?theme=${theme}`);
        await page.locator('[data-slot="app-shell"]').waitFor();
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        // colors must have settled: axe reads computed styles
        await page.waitForFunction(() => document.getAnimations().length === 0);

        const findings = [
          ...(await audit(page, 'page')),
          ...(await auditOverlay(
            page,
            'dialog',
            () => page.getByRole('button', { name: 'Open dialog' }).click(),
            '[role="dialog"]',
          )),
          ...(await auditOverlay(
            page,
            'menu',
            () => page.getByRole('button', { name: 'Open menu' }).click(),
            '[role="menu"]',
          )),
          ...(await auditOverlay(
            page,
            'combobox',
            () => page.getByRole('combobox', { name: 'Stage (Combobox)' }).click(),
            '[data-slot="combobox-content"]',
          )),
          ...(await auditOverlay(
            page,
            'date picker',
            () => page.getByRole('button', { name: 'Expected close date' }).click(),
            '[data-slot="date-picker-content"]',
          )),
        ];

        const count = (impact: Impact) => findings.filter((finding) => finding.impact === impact).length;
        console.log(
          `axe ${theme}: critical ${count('critical')}, serious ${count('serious')}, moderate ${count('moderate')}, minor ${count('minor')}`,
          findings.map((finding) => `${finding.state}/${finding.rule}(${finding.impact})`).join(' '),
        );
        const blocking = findings.filter(
          (finding) => finding.impact === 'serious' || finding.impact === 'critical',
        );
        if (blocking.length > 0) console.log(JSON.stringify(blocking, null, 2));
        expect(blocking).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
