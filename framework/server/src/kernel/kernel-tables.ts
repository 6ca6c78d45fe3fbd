import { sql } from 'drizzle-orm';
import type { Db } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';

/** The PostgreSQL schema of the kernel's own bookkeeping tables. */
export const kernelSchema = 'prefiq';

/**
 * The kernel's tables, created idempotently when migrations run: which version of each plugin
 * last booted (for `onUpgrade`), and which plugin seeded which tenant (so demo data goes in once).
 */
const ddl = [
  sql.raw(`create schema if not exists ${kernelSchema}`),
  sql.raw(`create table if not exists ${kernelSchema}.plugin_versions (
    plugin text primary key,
    version text not null,
    booted_at timestamptz not null default now()
  )`),
  sql.raw(`create table if not exists ${kernelSchema}.seeds (
    plugin text not null,
    tenant_id uuid not null,
    seeded_at timestamptz not null default now(),
    primary key (plugin, tenant_id)
  )`),
];

/** Creates the kernel's tables if they are missing. */
export async function ensureKernelTables(db: Db): Promise<void> {
  for (const statement of ddl) await db.execute(statement);
}

/** Whether the kernel's tables exist (a database `prefiq migrate` has run on). */
export async function kernelTablesExist(db: Db): Promise<boolean> {
  const [row] = await executeRows<{ found: string | null }>(
    db,
    sql`select to_regclass(${`${kernelSchema}.seeds`})::text as found`,
  );
  return row?.found != null;
}

/** The version each plugin last booted with, by plugin name. */
export async function readPluginVersions(db: Db): Promise<Map<string, string>> {
  const rows = await executeRows<{ plugin: string; version: string }>(
    db,
    sql`select plugin, version from ${sql.identifier(kernelSchema)}.plugin_versions`,
  );
  return new Map(rows.map((r) => [r.plugin, r.version]));
}

export async function recordPluginVersion(db: Db, plugin: string, version: string): Promise<void> {
  await db.execute(
    sql`insert into ${sql.identifier(kernelSchema)}.plugin_versions (plugin, version) values (${plugin}, ${version})
        on conflict (plugin) do update set version = excluded.version, booted_at = now()`,
  );
}

/**
 * Claims the seeding of a tenant by a plugin, inside the seed's transaction: `true` when this
 * transaction is the first, so a second boot (or a concurrent node) does not seed again.
 */
export async function claimSeed(tx: Db, plugin: string, tenantId: string): Promise<boolean> {
  const rows = await executeRows(
    tx,
    sql`insert into ${sql.identifier(kernelSchema)}.seeds (plugin, tenant_id) values (${plugin}, ${tenantId})
        on conflict do nothing returning plugin`,
  );
  return rows.length === 1;
}
