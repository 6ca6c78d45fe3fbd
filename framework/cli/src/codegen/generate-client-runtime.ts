import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { kebabCase } from '@codexion/schema';
import { runtimeBanner } from './banner.js';
import { formatSource } from './format-source.js';

/** The folders of hey-api's bundled client sources the fetch client is made of. */
const runtimeFolders = ['core', 'fetch'] as const;

/** `dist/clients` of the installed @hey-api/openapi-ts: the sources it copies into each output. */
function bundledClients(): string {
  const manifest = createRequire(import.meta.url).resolve('@hey-api/openapi-ts/package.json');
  return join(dirname(manifest), 'dist', 'clients');
}

/** `bodySerializer` → `body-serializer.gen.ts`: the house's kebab-case, marked as generated. */
function generatedName(stem: string): string {
  return `${kebabCase(stem)}.gen.ts`;
}

/** Relative imports (`'../core/auth'`, `'./utils'`) pointed at the renamed files, with `.js`. */
function rewriteImports(source: string): string {
  return source.replace(
    /(from\s+')(\.\.?\/[^']+)(')/g,
    (_match, open: string, path: string, close: string) => {
      const folder = dirname(path);
      return `${open}${folder}/${generatedName(basename(path)).replace(/\.ts$/, '.js')}${close}`;
    },
  );
}

/**
 * The runtime every app's generated client imports (`@codexion/client`): hey-api's fetch client
 * (`core/` and `fetch/` of the installed @hey-api/openapi-ts's bundled sources, which it would
 * otherwise copy into each app's `core/generated/client/`), renamed to kebab-case, imports given
 * `.js`, banner on top. `fetch/index.ts` is left out: the package's hand-written `src/index.ts`
 * names the exports. Returns `<folder>/<file>` → source, for `framework/client/src/`.
 *
 * @example
 * const files = await generateClientRuntime(); // Map { 'core/auth.gen.ts' => '...', 'fetch/client.gen.ts' => '...' }
 */
export async function generateClientRuntime(): Promise<Map<string, string>> {
  const clients = bundledClients();
  const files = new Map<string, string>();
  for (const folder of runtimeFolders) {
    const names = (await readdir(join(clients, folder))).filter((n) => n.endsWith('.ts') && n !== 'index.ts');
    for (const name of names.sort()) {
      const source = await readFile(join(clients, folder, name), 'utf8');
      const text = `/* ${runtimeBanner} */\n\n${rewriteImports(source)}`;
      files.set(`${folder}/${generatedName(basename(name, '.ts'))}`, await formatSource(text, 'typescript'));
    }
  }
  return files;
}

/**
 * Whether a path under `framework/client/src/` is codegen's: inside `core/` or `fetch/`, whose
 * stale files a run removes. The rest of the package (its `index.ts`) is hand-written.
 *
 * @example
 * isRuntimeFile('core/auth.gen.ts') // true
 * isRuntimeFile('index.ts') // false
 */
export function isRuntimeFile(path: string): boolean {
  return runtimeFolders.some((folder) => path.startsWith(`${folder}/`));
}
