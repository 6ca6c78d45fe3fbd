import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createClient } from '@hey-api/openapi-ts';
import { generatedBanner } from './banner.js';
import { formatSource } from './format-source.js';
import type { OpenApiDocument } from './generate-openapi.js';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** The package every app's generated client imports its runtime from, instead of a copy of its own. */
export const clientRuntimePackage = '@codexion/client';

/**
 * `core/generated/client/`: @hey-api/openapi-ts's types (the app's one TypeScript model: records,
 * inputs, operation data and answers, event payloads), SDK functions and TanStack Query option
 * factories (`listAccountsOptions()`, `createAccountMutation()`), generated into a scratch folder
 * and returned as `client/<path>` → source, so `--check` can compare in memory. The fetch client's
 * runtime is not copied in (`bundle: false`): the files import it from `@codexion/client`.
 *
 * @example
 * const files = await generateClient(openapi); // Map { 'client/sdk.gen.ts' => '...' }
 */
export async function generateClient(openapi: OpenApiDocument): Promise<Map<string, string>> {
  const scratch = await mkdtemp(join(tmpdir(), 'prefiq-client-'));
  try {
    await createClient({
      input: structuredClone(openapi) as unknown as Record<string, unknown>,
      output: {
        path: scratch,
        clean: true,
        tsConfigPath: null,
        module: { extension: '.js' },
        header: [`/* ${generatedBanner} */`],
      },
      logs: { level: 'silent' },
      plugins: [
        { name: '@hey-api/client-fetch', bundle: false },
        '@hey-api/typescript',
        '@hey-api/sdk',
        '@tanstack/react-query',
      ],
    });
    const files = new Map<string, string>();
    for (const path of (await listFiles(scratch)).sort()) {
      // with `bundle: false` hey-api imports the runtime from its own (retired) client package
      const source = (await readFile(path, 'utf8')).replaceAll(
        "from '@hey-api/client-fetch'",
        `from '${clientRuntimePackage}'`,
      );
      files.set(`client/${relative(scratch, path)}`, await formatSource(source, 'typescript'));
    }
    return files;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
