import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AppManifest } from '@codexion/schema';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { PluginDefinition } from './define-plugin.js';

/**
 * The CLI's fixture app (`framework/cli/fixtures/sales`), loaded at run time: it belongs to
 * another package, so the server's TypeScript project does not compile it.
 */
export const salesRoot = fileURLToPath(new URL('../../../cli/fixtures/sales', import.meta.url));

export async function salesManifest(): Promise<AppManifest> {
  return JSON.parse(await readFile(join(salesRoot, 'core', 'app.json'), 'utf8')) as AppManifest;
}

export async function salesTables(): Promise<Record<string, PgTable>> {
  const module = (await import(pathToFileURL(join(salesRoot, 'core', 'generated', 'tables.ts')).href)) as {
    tables: Record<string, PgTable>;
  };
  return module.tables;
}

/** The fixture's own plugin (`bin/plugin.ts`). */
export async function salesPlugin(): Promise<PluginDefinition> {
  const module = (await import(pathToFileURL(join(salesRoot, 'bin', 'plugin.ts')).href)) as {
    default: PluginDefinition;
  };
  return module.default;
}
