import { sql } from 'drizzle-orm';
import type { Database, Db } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import { appendOnlyTables } from './append-only-tables.js';

/**
 * The role every transaction and read in a tenant runs as (`SET LOCAL ROLE`, see
 * `Database.useTenantRole`): NOLOGIN, owning nothing, with DML on the apps' tables. Shared with
 * the audit log's grants.
 */
export const tenantRole = 'prefiq_app';

/** The name of the policy on every tenant table. */
export const tenantPolicy = 'tenant_isolation';

/** The kernel's own tables that hold tenant rows (`prefiq.seeds`); the framework's others isolate themselves in their migrations. */
export const kernelTenantTables: readonly string[] = ['prefiq.seeds'];

const identifier = /^[a-z_][a-z0-9_]*$/;
const qualified = /^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/;

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `tenant_id` matches the transaction's tenant; '' (no tenant) matches nothing instead of failing the cast. */
const tenantMatches = `tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid`;

/** Serializes concurrent boots' DDL on PostgreSQL (a session-level advisory lock). */
const lockKey = sql`hashtext('codexion.row-level-security')`;

export interface TenantTableState {
  /** `schema.table` */
  table: string;
  enabled: boolean;
  forced: boolean;
  policy: boolean;
}

export interface RowSecurityScope {
  /** schemas whose every table with a `tenant_id` column is isolated: the plugins' */
  schemas: readonly string[];
  /** further tables, `schema.table` (the kernel's `prefiq.seeds`) */
  tables?: readonly string[];
}

function checkScope({ schemas, tables = [] }: RowSecurityScope): void {
  for (const schema of schemas)
    if (!identifier.test(schema)) throw new Error(`"${schema}" cannot name a schema`);
  for (const table of tables) if (!qualified.test(table)) throw new Error(`"${table}" is not schema.table`);
}

/**
 * Every table with a `tenant_id` column in the scope (all schemas but PostgreSQL's own when
 * `scope` is absent), with its row-level security state.
 *
 * @example
 * const gaps = (await tenantTables(db)).filter((t) => !t.enabled || !t.forced || !t.policy);
 */
export async function tenantTables(db: Db, scope?: RowSecurityScope): Promise<TenantTableState[]> {
  if (scope !== undefined) checkScope(scope);
  const schemas = scope?.schemas ?? [];
  const tables = scope?.tables ?? [];
  const rows = await executeRows<{ table: string; enabled: boolean; forced: boolean; policy: boolean }>(
    db,
    sql`select n.nspname || '.' || c.relname as "table",
               c.relrowsecurity as enabled,
               c.relforcerowsecurity as forced,
               exists (select 1 from pg_catalog.pg_policy p where p.polrelid = c.oid) as policy
          from pg_catalog.pg_class c
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
          join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
         where c.relkind in ('r', 'p')
           and ${
             scope === undefined
               ? sql`n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')`
               : sql`(n.nspname = any(${sql.raw(`array[${schemas.map((s) => `'${s}'`).join(',')}]::text[]`)})
                  or n.nspname || '.' || c.relname = any(${sql.raw(`array[${tables.map((t) => `'${t}'`).join(',')}]::text[]`)}))`
           }
         order by 1`,
  );
  return rows.map((r) => ({ table: r.table, enabled: r.enabled, forced: r.forced, policy: r.policy }));
}

async function existingSchemas(db: Db, schemas: readonly string[]): Promise<string[]> {
  if (schemas.length === 0) return [];
  const rows = await executeRows<{ name: string }>(
    db,
    sql`select nspname as name from pg_catalog.pg_namespace where nspname = any(${sql.raw(
      `array[${schemas.map((s) => `'${s}'`).join(',')}]::text[]`,
    )})`,
  );
  return rows.map((r) => r.name);
}

export interface RowSecurityReport {
  role: string;
  /** the tenant tables in scope, `schema.table` */
  tables: string[];
  /** the append-only tables of the scope's schemas, on which the role may only SELECT and INSERT */
  appendOnly: string[];
  /** what this call changed: `schema.table: enable|force|policy` */
  changed: string[];
}

/**
 * Makes every tenant table in scope isolate tenants in the database itself, idempotently (the
 * kernel runs it on each boot after the migrations, so tables of new plugins and new migrations
 * are covered):
 * - the role {@link tenantRole} exists (NOLOGIN), the connecting role may `SET ROLE` to it, and it
 *   has USAGE on the schemas and SELECT/INSERT/UPDATE/DELETE on their tables (now and later ones)
 * - each append-only table of those schemas (one carrying a trigger on `prefiq.refuse_change`,
 *   ADR 0027 §4) has SELECT and INSERT only: UPDATE, DELETE and TRUNCATE are revoked again after
 *   the schema-wide grant, at every boot
 * - each table with a `tenant_id` column has row-level security ENABLEd and FORCEd (the owner is
 *   bound too) and the policy `tenant_id = current_setting('app.tenant_id')::uuid` for reads
 *   (USING) and writes (WITH CHECK)
 * Only what is missing is changed, so a boot of a migrated database takes no table lock.
 *
 * @example
 * await ensureRowLevelSecurity(database, { schemas: ['sales'], tables: kernelTenantTables });
 * database.useTenantRole(tenantRole);
 */
export async function ensureRowLevelSecurity(
  database: Database,
  scope: RowSecurityScope,
): Promise<RowSecurityReport> {
  checkScope(scope);
  return database.session(async (db) => {
    if (database.kind === 'postgres') await db.execute(sql`select pg_advisory_lock(${lockKey})`);
    try {
      await db.execute(
        sql.raw(`do $$ begin
          create role ${tenantRole} nologin;
        exception when duplicate_object or unique_violation then null;
        end $$`),
      );
      // a non-superuser owner (production) must be a member to SET ROLE; superusers are anyway
      await db.execute(
        sql.raw(`do $$ begin
          if not pg_has_role(current_user, '${tenantRole}', 'MEMBER') then
            execute format('grant ${tenantRole} to %I', current_user);
          end if;
        end $$`),
      );
      for (const schema of await existingSchemas(db, scope.schemas)) {
        const s = quote(schema);
        for (const statement of [
          `grant usage on schema ${s} to ${tenantRole}`,
          `grant select, insert, update, delete on all tables in schema ${s} to ${tenantRole}`,
          `grant usage, select on all sequences in schema ${s} to ${tenantRole}`,
          `alter default privileges in schema ${s} grant select, insert, update, delete on tables to ${tenantRole}`,
          `alter default privileges in schema ${s} grant usage, select on sequences to ${tenantRole}`,
        ]) {
          await db.execute(sql.raw(statement));
        }
      }
      const appendOnly = await appendOnlyTables(db, scope.schemas);
      for (const table of appendOnly) {
        const [schema = '', name = ''] = table.split('.');
        const target = `${quote(schema)}.${quote(name)}`;
        await db.execute(sql.raw(`revoke update, delete, truncate on ${target} from ${tenantRole}`));
        await db.execute(sql.raw(`grant select, insert on ${target} to ${tenantRole}`));
      }
      for (const table of scope.tables ?? []) {
        const [schema = '', name = ''] = table.split('.');
        const [found] = await executeRows<{ oid: string | null }>(
          db,
          sql`select to_regclass(${table})::text as oid`,
        );
        if (found?.oid == null) continue;
        await db.execute(sql.raw(`grant usage on schema ${quote(schema)} to ${tenantRole}`));
        await db.execute(
          sql.raw(`grant select, insert, update, delete on ${quote(schema)}.${quote(name)} to ${tenantRole}`),
        );
      }
      const tables = await tenantTables(db, scope);
      const changed: string[] = [];
      for (const { table, enabled, forced, policy } of tables) {
        const [schema = '', name = ''] = table.split('.');
        const target = `${quote(schema)}.${quote(name)}`;
        if (!enabled) {
          await db.execute(sql.raw(`alter table ${target} enable row level security`));
          changed.push(`${table}: enable`);
        }
        if (!forced) {
          await db.execute(sql.raw(`alter table ${target} force row level security`));
          changed.push(`${table}: force`);
        }
        if (!policy) {
          await db.execute(
            sql.raw(
              `create policy ${tenantPolicy} on ${target} using (${tenantMatches}) with check (${tenantMatches})`,
            ),
          );
          changed.push(`${table}: policy`);
        }
      }
      return { role: tenantRole, tables: tables.map((t) => t.table), appendOnly, changed };
    } finally {
      if (database.kind === 'postgres') await db.execute(sql`select pg_advisory_unlock(${lockKey})`);
    }
  });
}

/**
 * For a node that does not migrate (`migrations.runOnBoot: false`): the tenant tables in scope
 * must already be isolated (by `prefiq migrate`), else the boot stops naming them.
 *
 * @throws {Error} naming each table and what it lacks
 */
export async function requireRowLevelSecurity(database: Database, scope: RowSecurityScope): Promise<void> {
  const gaps = (await tenantTables(database.db, scope)).filter((t) => !t.enabled || !t.forced || !t.policy);
  if (gaps.length > 0) {
    const list = gaps
      .map((t) =>
        [t.table, !t.enabled && 'not enabled', !t.forced && 'not forced', !t.policy && 'no policy']
          .filter(Boolean)
          .join(' '),
      )
      .join('; ');
    throw new Error(
      `row-level security is missing (${list}) and migrations.runOnBoot is off: run \`prefiq migrate\``,
    );
  }
}
