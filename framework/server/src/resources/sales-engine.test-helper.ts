import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { AppModel } from '@codexion/schema';
import type { SQL } from 'drizzle-orm';
import { PgDialect, type PgTable } from 'drizzle-orm/pg-core';
import pino from 'pino';
import type { Database } from '../data/database.js';
import { createTestDatabase } from '../data/test-database.js';
import { DomainError } from '../errors/domain-error.js';
import { frameworkMigrations } from '../kernel/framework-migrations.js';
import { loadAppModel } from '../plugins/load-app-sources.js';
import { salesRoot, salesTables } from '../plugins/sales-fixture.test-helper.js';
import { type EntityPlan, planEntity } from './entity-plan.js';
import type { ResourceContext } from './resource-context.js';
import { createResourceEngine, type ResourceEngine } from './resource-engine.js';
import type { ResourceHooks } from './resource-hooks.js';

export const tenantA = '0a0a0a0a-0000-4000-8000-00000000000a';
export const tenantB = '0b0b0b0b-0000-4000-8000-00000000000b';
export const userA = '0c0c0c0c-0000-4000-8000-00000000000c';
export const cursorSecret = 'test-cursor-secret-0123456789';

/** The sales fixture on a fresh test database (PGlite, or PostgreSQL with DATABASE_URL). */
export interface SalesEngine {
  engine: ResourceEngine;
  database: Database;
  model: AppModel;
  tables: Record<string, PgTable>;
  /** mutable: tests set and clear hooks per entity */
  hooks: Record<string, ResourceHooks>;
  dispose(): Promise<void>;
}

/** `adapt`: the fixture's model changed for a test (a property annotated differently, say). */
export async function salesEngine({
  adapt = (model) => model,
}: {
  adapt?: (model: AppModel) => AppModel;
} = {}): Promise<SalesEngine> {
  const [model, tables, test] = await Promise.all([
    loadAppModel(salesRoot).then(adapt),
    salesTables(),
    createTestDatabase({
      // the engine records every write in prefiq.audit_log
      migrations: [
        ...frameworkMigrations,
        { name: 'sales', migrationsFolder: join(salesRoot, 'bin', 'migrations') },
      ],
    }),
  ]);
  const hooks: Record<string, ResourceHooks> = {};
  const engine = createResourceEngine({ database: test.database, model, tables, hooks, cursorSecret });
  return { engine, database: test.database, model, tables, hooks, dispose: test.dispose };
}

const logger = pino({ level: 'silent' });

export function contextFor(
  tenantId: string,
  { userId = userA, permissions = ['*'] }: { userId?: string; permissions?: string[] } = {},
): ResourceContext {
  return { tenantId, userId, requestId: 'test-request', logger, permissions: new Set(permissions) };
}

/** Rows of a table in a tenant, straight from SQL: what a refused write must leave unchanged. */
export async function snapshot(database: Database, table: string, tenantId: string): Promise<unknown[]> {
  return database.execute(`select * from sales.${table} where tenant_id = $1 order by id`, [tenantId]);
}

/** The fixture's entity plans, without a database: for tests of the query steps. */
export async function salesPlans(): Promise<{ account: EntityPlan; opportunity: EntityPlan }> {
  const [model, tables] = await Promise.all([loadAppModel(salesRoot), salesTables()]);
  const plan = (name: string) => {
    const entity = model.entities.find((e) => e.name === name);
    const table = tables[name];
    if (entity === undefined || table === undefined) throw new Error(`no ${name} in the sales fixture`);
    return planEntity(entity, table);
  };
  return { account: plan('account'), opportunity: plan('opportunity') };
}

const dialect = new PgDialect();

/**
 * SQL text and parameters of a drizzle fragment, to assert on what a step builds; columns without
 * their `"sales"."<table>".` qualification, which drizzle adds outside a statement.
 */
export function render(fragment: SQL): { sql: string; params: unknown[] } {
  const { sql, params } = dialect.sqlToQuery(fragment);
  return { sql: sql.replace(/"sales"\."\w+"\./g, ''), params };
}

/**
 * The DomainError a write is refused with, having proved the tenant's accounts and opportunities
 * unchanged; fails the test when it succeeds or throws anything else.
 */
export async function refusedUnchanged(
  database: Database,
  tenantId: string,
  write: () => Promise<unknown>,
): Promise<DomainError> {
  const tables = async () => [
    await snapshot(database, 'accounts', tenantId),
    await snapshot(database, 'opportunities', tenantId),
  ];
  const before = await tables();
  const error = await write().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  if (!isDeepStrictEqual(await tables(), before)) throw new Error('the refused write changed the tables');
  return error;
}
