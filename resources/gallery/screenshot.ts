/**
 * Takes the gallery's screenshots, light and dark, full page, 1280 px wide:
 *   node --import tsx resources/gallery/screenshot.ts [outDir]
 * Without outDir they go to resources/gallery/screenshots/ (committed).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.js';
import { serveGallery } from './serve-gallery.js';

const outDir = resolve(process.argv[2] ?? fileURLToPath(new URL('./screenshots', import.meta.url)));
mkdirSync(outDir, { recursive: true });
const gallery = await serveGallery();
const browser = await launchChromium();
try {
  for (const theme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    await page.goto(`${gallery.url}?theme=${theme}`);
    await page.locator('[data-slot="app-shell"]').waitFor();
    // the sidebar is as tall as the viewport: grow the viewport to the page so the shot shows it whole
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 1280, height });
    await page.waitForTimeout(200);
    const file = join(outDir, `gallery-${theme}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`wrote ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
  await gallery.close();
}
