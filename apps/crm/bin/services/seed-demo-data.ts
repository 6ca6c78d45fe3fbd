import { readFile } from 'node:fs/promises';
import { developmentTenantId, type PluginContext } from '@codexion/framework';
import type { JsonSchema, PropertyAnnotations } from '@codexion/schema';
import type { PgTable } from 'drizzle-orm/pg-core';
import { tables } from '../../core/generated/tables.js';
import { type DateFormat, daysSince, shiftRecord } from './shift-fixture-dates.js';
import { tenantFixtureId } from './tenant-fixture-id.js';

/** `core/fixtures/manifest.json`, the part the seeder reads. */
interface FixtureManifest {
  referenceDate: string;
  files: { entity: string; file: string; count: number }[];
}

/** What the seeder changes in an entity's fixture records, read from its schema. */
interface FixtureFields {
  /** properties of format `date` / `date-time`: shifted */
  dates: Record<string, DateFormat>;
  /** references to other fixtures (`x-codexion.ref`, on the property or its items): re-keyed per tenant */
  references: string[];
}

const coreDir = new URL('../../core/', import.meta.url);

/** Rows per INSERT: far below PostgreSQL's 65,535 parameters at the CRM's ~20 columns a row. */
const chunkSize = 500;

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(new URL(path, coreDir), 'utf8')) as T;
}

/** The fixture entity a property refers to; none for users (`prefiq:user`) and other apps' records. */
function refOf(schema: JsonSchema | undefined): string | undefined {
  const ref = (schema?.['x-codexion'] as PropertyAnnotations | undefined)?.ref;
  return ref === undefined || ref.includes(':') ? undefined : ref;
}

async function fixtureFieldsOf(entity: string): Promise<FixtureFields> {
  const schema = await readJson<JsonSchema>(`schema/${entity}.schema.json`);
  const fields: FixtureFields = { dates: {}, references: [] };
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (property.format === 'date' || property.format === 'date-time') fields.dates[name] = property.format;
    if (refOf(property) !== undefined || refOf(property.items as JsonSchema | undefined) !== undefined)
      fields.references.push(name);
  }
  return fields;
}

/** The record with its id and references mapped by `key` (arrays of ids element by element). */
function rekey(
  record: Record<string, unknown>,
  references: readonly string[],
  key: (id: string) => string,
): Record<string, unknown> {
  const mapped = { ...record };
  for (const field of ['id', ...references]) {
    const value = mapped[field];
    if (typeof value === 'string') mapped[field] = key(value);
    else if (Array.isArray(value)) mapped[field] = value.map((v) => (typeof v === 'string' ? key(v) : v));
  }
  return mapped;
}

export interface SeedOptions {
  /** the day the demo is seeded on (`YYYY-MM-DD`, UTC); dates move by its distance to the reference date */
  today?: string;
}

export interface SeedReport {
  /** records inserted, by entity, in insertion order */
  counts: Record<string, number>;
  shiftedDays: number;
  durationMs: number;
}

/**
 * Loads the demo data (`core/fixtures/*.json`) into a tenant, in the manifest's order (a file only
 * references files above it), every date and instant moved by (today − `referenceDate`) whole
 * days, so the demo always has deals closing this month and activities due today.
 *
 * The records go in by direct, multi-row inserts, not through the resource engine: the seed runs
 * at boot with no engine bound to it, the engine assigns ids of its own while the fixtures refer to
 * each other by theirs, and the fixtures are already what the engine would store —
 * their test proves every record valid against its schema, every rule and workflow guard holding,
 * every reference resolving, the unique keys unique and the server-set fields (`name`,
 * `closedAt`, `probability`, `rank`, `doneAt`) set as the hooks set them. Through the engine the
 * same 1,200 records would be checked again at many times the cost; this way the demo loads in a
 * fraction of a second on PGlite (the seed test measures it and re-checks the rules on the result).
 *
 * Ids: the development tenant gets the fixtures' own ids (stable uuid v5s that e2e tests can
 * name); any other tenant ids derived from its own (`tenantFixtureId`), since ids are primary
 * keys across tenants. Users (`ownerId`, `assigneeId`) are the manifest's demo users in every tenant.
 *
 * @example
 * definePlugin({ …, seed: async (ctx) => void (await seedDemoData(ctx)) })
 */
export async function seedDemoData(
  ctx: PluginContext,
  { today = new Date().toISOString().slice(0, 10) }: SeedOptions = {},
): Promise<SeedReport> {
  const started = performance.now();
  const manifest = await readJson<FixtureManifest>('fixtures/manifest.json');
  const shiftedDays = daysSince(manifest.referenceDate, today);
  const key =
    ctx.tenantId === developmentTenantId
      ? (id: string) => id
      : (id: string) => tenantFixtureId(ctx.tenantId, id);
  const counts: Record<string, number> = {};
  for (const { entity, file } of manifest.files) {
    const table: PgTable | undefined = (tables as Record<string, PgTable>)[entity];
    if (table === undefined) throw new Error(`fixtures/${file}: no table for entity "${entity}"`);
    const [records, fields] = await Promise.all([
      readJson<Record<string, unknown>[]>(`fixtures/${file}`),
      fixtureFieldsOf(entity),
    ]);
    const rows = records.map((record) => ({
      ...rekey(shiftRecord(record, fields.dates, shiftedDays), fields.references, key),
      tenantId: ctx.tenantId,
    }));
    for (let i = 0; i < rows.length; i += chunkSize) {
      // the fixtures' shape is proven by their test; drizzle cannot know it from JSON
      await ctx.tx.insert(table).values(rows.slice(i, i + chunkSize) as never);
    }
    counts[entity] = rows.length;
  }
  const durationMs = Math.round(performance.now() - started);
  ctx.logger.info({ counts, shiftedDays, durationMs }, 'crm demo data seeded');
  return { counts, shiftedDays, durationMs };
}
