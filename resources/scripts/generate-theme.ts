/**
 * Writes src/theme.css from src/tokens/tokens.json. Run after editing the tokens:
 *   node --import tsx resources/scripts/generate-theme.ts
 * The test src/tokens/theme-css.test.ts fails while theme.css is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tokens, tokensToCss } from '../src/tokens/index.js';

const target = fileURLToPath(new URL('../src/theme.css', import.meta.url));
writeFileSync(target, tokensToCss(tokens));
console.log(`wrote ${target}`);
