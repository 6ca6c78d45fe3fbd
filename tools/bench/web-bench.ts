/**
 * Bench of @codexion/web's standalone example app (framework/web/example):
 *   1. initial JavaScript: the entry chunk and every chunk it imports statically, from Vite's build
 *      manifest, gzipped with zlib — target ≤ 150 kB;
 *   2. a 100,000-row ResourceTable in real Chromium, scrolled to the middle: rows in the DOM —
 *      target ≤ 200.
 * Prints both next to their targets; exits 1 when one is missed.
 *
 *   npx tsx tools/bench/web-bench.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  buildExample,
  exampleRoot,
  launchChromium,
  previewExample,
} from '../../framework/web/example/preview-browser.js';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

const initialTargetKb = 150;
const rowTarget = 200;
const rowCount = 100_000;

function initialJavaScript(distDir: string): { kb: number; files: { file: string; kb: number }[] } {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('The build manifest has no entry chunk');
  const seen = new Set<string>();
  const visit = (chunk: ManifestChunk) => {
    if (seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const key of chunk.imports ?? []) {
      const imported = manifest[key];
      if (imported) visit(imported);
    }
  };
  visit(entry);
  const files = [...seen].map((file) => ({
    file,
    kb: gzipSync(readFileSync(join(distDir, file))).length / 1024,
  }));
  return { kb: files.reduce((sum, file) => sum + file.kb, 0), files };
}

async function rowsInDom(): Promise<{ rows: number; loaded: number; ms: number }> {
  const { url, server } = await previewExample();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const started = Date.now();
    await page.goto(`${url}/accounts?rows=${rowCount}`);
    await page.waitForSelector('tbody tr[data-index]', { timeout: 60_000 });
    const ms = Date.now() - started;
    await page.waitForFunction(
      (count) => document.body.textContent?.includes(`${count.toLocaleString('en-US')} records shown`),
      rowCount,
      { timeout: 60_000 },
    );
    // scroll the table's own scrolling container to the middle of all rows
    await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>(
        '[data-slot="resource-table"] [data-slot="table-container"]',
      );
      if (!scroller) throw new Error('No table container');
      scroller.scrollTop = scroller.scrollHeight / 2;
    });
    await page.waitForFunction(() => {
      const first = document.querySelector('tbody tr[data-index]');
      return first && Number(first.getAttribute('data-index')) > 40_000;
    });
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    const { rows, loaded } = await page.evaluate(() => ({
      rows: document.querySelectorAll('[data-slot="resource-table"] tbody tr').length,
      loaded: Number(document.querySelector('tbody tr[data-index]')?.getAttribute('data-index') ?? -1),
    }));
    return { rows, loaded, ms };
  } finally {
    await browser.close();
    await server.close();
  }
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

await buildExample();
const initial = initialJavaScript(join(exampleRoot, 'dist'));
for (const file of initial.files)
  console.log(`  ${file.file.padEnd(48)} ${file.kb.toFixed(1).padStart(7)} kB gzip`);
console.log(
  `initial JS (entry + static imports): ${initial.kb.toFixed(1)} kB gzip   target ≤ ${initialTargetKb} kB   ${verdict(initial.kb <= initialTargetKb)}`,
);

const dom = await rowsInDom();
console.log(
  `ResourceTable, ${rowCount.toLocaleString('en-US')} rows scrolled to the middle (first row in view #${dom.loaded}): ${dom.rows} <tr> in the DOM   target ≤ ${rowTarget}   ${verdict(dom.rows <= rowTarget)}   (first rows after ${dom.ms} ms)`,
);
process.exitCode = initial.kb <= initialTargetKb && dom.rows <= rowTarget ? 0 : 1;
