import { parseArgs } from 'node:util';
import { scanBoundaries } from './check-boundaries.js';

// Usage: tsx tools/src/check-boundaries-cli.ts [--root <workspace root>]   (default: the working directory)
const { values } = parseArgs({ options: { root: { type: 'string' } } });
const { filesChecked, violations } = await scanBoundaries({ root: values.root ?? process.cwd() });

for (const v of violations) console.error(`${v.file}:${v.line}  ${v.rule}  ${v.message}`);
const count = violations.length;
const summary = `boundaries: ${filesChecked} files checked, ${count} violation${count === 1 ? '' : 's'}`;
if (count > 0) {
  console.error(summary);
  process.exitCode = 1;
} else {
  console.log(summary);
}
