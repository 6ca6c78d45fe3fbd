import { parseArgs } from 'node:util';
import { scanApiPaths } from './check-api-paths.js';

// Usage: tsx tools/src/check-api-paths-cli.ts [--root <workspace root>]   (default: the working directory)
const { values } = parseArgs({ options: { root: { type: 'string' } } });
const { filesChecked, violations } = await scanApiPaths({ root: values.root ?? process.cwd() });

for (const v of violations) console.error(`${v.file}:${v.line}  ${v.text}  ${v.message}`);
const count = violations.length;
const summary = `api paths: ${filesChecked} page files checked, ${count} hand-written path${count === 1 ? '' : 's'}`;
if (count > 0) {
  console.error(summary);
  process.exitCode = 1;
} else {
  console.log(summary);
}
