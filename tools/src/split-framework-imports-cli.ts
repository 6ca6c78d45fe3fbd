import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { listSourceFiles } from './list-source-files.js';
import { serverFloors } from './server-layers.js';
import { readFrameworkSubpaths, splitFrameworkImports } from './split-framework-imports.js';

// Usage: tsx tools/src/split-framework-imports-cli.ts [--root <workspace root>]
// Rewrites imports of the former root `@codexion/framework` into its subpaths (docs/adr/0024).
const { values } = parseArgs({ options: { root: { type: 'string' } } });
const root = values.root ?? process.cwd();
const subpaths = await readFrameworkSubpaths(root);
const order = [...serverFloors.keys()];
let changed = 0;
for (const file of await listSourceFiles(root)) {
  const text = await readFile(join(root, file), 'utf8');
  if (!text.includes("@codexion/framework'") && !text.includes('@codexion/framework"')) continue;
  const split = splitFrameworkImports(text, subpaths, order);
  if (split === text) continue;
  await writeFile(join(root, file), split);
  console.log(file);
  changed += 1;
}
console.log(
  `framework imports: ${changed} file${changed === 1 ? '' : 's'} rewritten; run biome check --write on them`,
);
