import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { Database, Db } from './database.js';
import { executeRows } from './execute-rows.js';

/** One plugin's migrations: a drizzle-kit folder (`meta/_journal.json` + `<tag>.sql`). */
export interface MigrationSource {
  /** the plugin's name; names its tracking table */
  name: string;
  /** absolute path; resolve it from the plugin module's location, not the working directory */
  migrationsFolder: string;
  /** the PostgreSQL schema the plugin's tables live in, for reports */
  schema?: string;
}

/** Migrations of one plugin, by drizzle-kit tag (`0000_wise_revanche`). */
export interface PluginMigrations {
  name: string;
  tags: string[];
}

/**
 * The schema holding one tracking table per plugin. Not the plugin's own schema: drizzle-kit's
 * first migration says `CREATE SCHEMA "<schema>"`, which fails if the tracker created it first.
 */
export const migrationsSchema = 'codexion_migrations';

/** Serializes migrations of concurrent boots on PostgreSQL (a session-level advisory lock). */
const lockKey = sql`hashtext('codexion.migrations')`;

interface JournalEntry {
  tag: string;
  when: number;
}

async function readJournal(folder: string): Promise<JournalEntry[]> {
  const text = await readFile(join(folder, 'meta', '_journal.json'), 'utf8');
  const journal = JSON.parse(text) as { entries?: unknown };
  if (!Array.isArray(journal.entries)) throw new Error(`${folder}/meta/_journal.json has no entries array`);
  return journal.entries.map((entry: unknown, index: number) => {
    const { tag, when } = (entry ?? {}) as { tag?: unknown; when?: unknown };
    if (typeof tag !== 'string' || typeof when !== 'number') {
      throw new Error(`${folder}/meta/_journal.json: entry ${index} needs a string tag and a number when`);
    }
    return { tag, when };
  });
}

function trackingTable(source: MigrationSource): string {
  if (!/^[a-z][a-z0-9_-]*$/.test(source.name))
    throw new Error(`plugin name "${source.name}" cannot name a table`);
  return source.name;
}

/** `created_at` of the newest applied migration: drizzle's migrator applies every entry after it. */
async function lastApplied(db: Db, source: MigrationSource): Promise<number | undefined> {
  const table = trackingTable(source);
  const [exists] = await executeRows<{ found: string | null }>(
    db,
    sql`select to_regclass(${`"${migrationsSchema}"."${table}"`})::text as found`,
  );
  if (exists?.found == null) return undefined;
  const [last] = await executeRows<{ at: string | number | null }>(
    db,
    sql`select max(created_at) as at from ${sql.identifier(migrationsSchema)}.${sql.identifier(table)}`,
  );
  const at = last?.at;
  return at == null ? undefined : Number(at);
}

async function pendingOf(db: Db, source: MigrationSource): Promise<string[]> {
  const [entries, last] = await Promise.all([readJournal(source.migrationsFolder), lastApplied(db, source)]);
  return entries.filter((e) => last === undefined || e.when > last).map((e) => e.tag);
}

/**
 * The migrations not yet applied, per plugin, for `--dry-run` and `/readyz`. Works on a fresh
 * database (no tracking table yet: everything is pending).
 *
 * @example
 * const pending = await pendingMigrations(database, [{ name: 'crm', migrationsFolder }]);
 * // [{ name: 'crm', tags: ['0001_add_deal_source'] }]
 */
export async function pendingMigrations(
  database: Database,
  sources: readonly MigrationSource[],
): Promise<PluginMigrations[]> {
  const result: PluginMigrations[] = [];
  for (const source of sources)
    result.push({ name: source.name, tags: await pendingOf(database.db, source) });
  return result;
}

/**
 * Applies each plugin's drizzle-kit migrations in the given (dependency) order with drizzle's
 * migrator, tracked per plugin in `codexion_migrations.<plugin>`; each plugin's batch is one
 * transaction. On PostgreSQL the run holds an advisory lock on a connection of its own, so two
 * nodes booting at once apply each migration once. Returns what was applied.
 *
 * @example
 * const applied = await runMigrations(database, [
 *   { name: 'crm', migrationsFolder: fileURLToPath(new URL('./migrations', import.meta.url)) },
 * ]);
 */
export async function runMigrations(
  database: Database,
  sources: readonly MigrationSource[],
): Promise<PluginMigrations[]> {
  return database.session(async (db) => {
    if (database.kind === 'postgres') await db.execute(sql`select pg_advisory_lock(${lockKey})`);
    try {
      const applied: PluginMigrations[] = [];
      for (const source of sources) {
        const tags = await pendingOf(db, source);
        if (tags.length > 0) {
          const config = {
            migrationsFolder: source.migrationsFolder,
            migrationsSchema,
            migrationsTable: trackingTable(source),
          };
          if (database.kind === 'postgres')
            await migratePostgres(db as unknown as PostgresJsDatabase, config);
          else await migratePglite(db as unknown as PgliteDatabase, config);
        }
        applied.push({ name: source.name, tags });
      }
      return applied;
    } finally {
      if (database.kind === 'postgres') await db.execute(sql`select pg_advisory_unlock(${lockKey})`);
    }
  });
}
