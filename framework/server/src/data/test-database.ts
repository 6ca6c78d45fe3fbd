import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { createDatabase } from './create-database.js';
import type { Database } from './database.js';
import { createPgliteDatabase } from './pglite-database.js';
import { type MigrationSource, runMigrations } from './run-migrations.js';

export interface TestDatabaseOptions {
  /** plugins' migrations to apply, in dependency order */
  migrations?: readonly MigrationSource[];
  /**
   * A PostgreSQL server URL to create a throwaway database on; `memory://` forces PGlite.
   * Defaults to `DATABASE_URL`, so the same suite runs on both when the variable is set.
   */
  url?: string;
}

export interface TestDatabase {
  database: Database;
  /** the throwaway database's URL on PostgreSQL */
  url: string | undefined;
  /** closes the database and, on PostgreSQL, drops it */
  dispose(): Promise<void>;
}

/** One migrated PGlite per set of migrations and process; also kept on disk across test files. */
const templates = new Map<string, Promise<Blob>>();

async function fingerprint(sources: readonly MigrationSource[]): Promise<string> {
  const hash = createHash('sha256').update('pglite-template-v1');
  for (const source of sources) {
    hash.update(`\0${source.name}\0`);
    const files = (await readdir(source.migrationsFolder)).filter((f) => f.endsWith('.sql')).sort();
    hash.update(await readFile(join(source.migrationsFolder, 'meta', '_journal.json')));
    for (const file of files) hash.update(file).update(await readFile(join(source.migrationsFolder, file)));
  }
  return hash.digest('hex').slice(0, 32);
}

async function buildTemplate(sources: readonly MigrationSource[], file: string): Promise<Blob> {
  try {
    return new Blob([await readFile(file)]);
  } catch {
    // not built yet by any test file: migrate once and keep the result
  }
  const database = await createPgliteDatabase();
  try {
    await runMigrations(database, sources);
    const dump = await database.dumpDataDir();
    await mkdir(join(file, '..'), { recursive: true });
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
    await rename(partial, file);
    return dump;
  } finally {
    await database.close();
  }
}

async function pgliteTestDatabase(sources: readonly MigrationSource[]): Promise<TestDatabase> {
  const key = await fingerprint(sources);
  let template = templates.get(key);
  if (template === undefined) {
    template = buildTemplate(sources, join(tmpdir(), 'codexion-pglite-templates', `${key}.tar`));
    templates.set(key, template);
  }
  const database = await createDatabase({ loadDataDir: await template });
  return { database, url: undefined, dispose: () => database.close() };
}

async function postgresTestDatabase(url: string, sources: readonly MigrationSource[]): Promise<TestDatabase> {
  const name = `codexion_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const own = new URL(url);
  own.pathname = `/${name}`;
  const database = await createDatabase({ url: own.toString(), max: 4 });
  const drop = async () => {
    await database.close();
    const dropper = postgres(url, { max: 1, onnotice: () => undefined });
    try {
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
    } finally {
      await dropper.end({ timeout: 5 });
    }
  };
  try {
    await runMigrations(database, sources);
  } catch (error) {
    await drop();
    throw error;
  }
  return { database, url: own.toString(), dispose: drop };
}

/**
 * A fresh, migrated database for one test file. PGlite: migrated once per set of migrations
 * (cached as a `dumpDataDir` tarball), then loaded per call in a fraction of the time. PostgreSQL
 * (when `url` or `DATABASE_URL` names a server): a uniquely named database, dropped by `dispose`.
 *
 * @example
 * const { database, dispose } = await createTestDatabase({ migrations: [{ name: 'sales', migrationsFolder }] });
 * afterAll(dispose);
 */
export async function createTestDatabase({
  migrations = [],
  url = process.env.DATABASE_URL,
}: TestDatabaseOptions = {}): Promise<TestDatabase> {
  if (url !== undefined && /^postgres(ql)?:\/\//i.test(url)) return postgresTestDatabase(url, migrations);
  return pgliteTestDatabase(migrations);
}
