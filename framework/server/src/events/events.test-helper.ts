import { sql } from 'drizzle-orm';
import type { Database } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import { createTestDatabase } from '../data/test-database.js';
import { ensureTestTenant } from '../data/test-tenant.js';
import { noServices } from '../foundation/services.js';
import { frameworkMigrations } from '../kernel/framework-migrations.js';
import { tenantRole } from '../tenancy/ensure-row-level-security.js';
import { silentLogger, type TestEvents, tenantA, tenantB } from './event-effects.test-helper.js';
import { createEventOutbox } from './event-outbox.js';

export {
  recordingHandler,
  silentLogger,
  type TestEvents,
  tenantA,
  tenantB,
} from './event-effects.test-helper.js';

/** A migrated test database with two tenants, the tenant role in force and a table consumers write effects to. */
export async function eventsDatabase(): Promise<{
  database: Database;
  url: string | undefined;
  dispose(): Promise<void>;
}> {
  const test = await createTestDatabase({ migrations: frameworkMigrations });
  const { database } = test;
  for (const tenant of [tenantA, tenantB]) await ensureTestTenant(database, tenant);
  await database.execute(`create table if not exists public.event_effects (
    tenant_id uuid not null, consumer text not null, event_id uuid not null, thing_id text not null, step int not null,
    at bigint generated always as identity)`);
  await database.execute(`create table if not exists public.event_writes (
    id uuid primary key, tenant_id uuid not null, thing_id text not null)`);
  await database.execute(
    `grant select, insert on public.event_effects, public.event_writes to ${tenantRole}`,
  );
  database.useTenantRole(tenantRole);
  return { database, url: test.url, dispose: test.dispose };
}

/** Writes `count` events of one thing in one transaction of `tenantId` (steps from `from`), or rolls it back. */
export async function emitSteps(
  database: Database,
  { tenantId = tenantA, thingId = 'thing-1', from = 1, count = 1, rollBack = false } = {},
): Promise<void> {
  const outbox = createEventOutbox<TestEvents>();
  await database
    .transaction(
      async (tx) => {
        const ctx = {
          tx,
          tenantId,
          userId: undefined,
          requestId: 'test',
          logger: silentLogger,
          services: noServices,
        };
        for (let step = from; step < from + count; step += 1) {
          await outbox.emit(
            ctx,
            'test.thing.changed',
            { thingId, step },
            { aggregateKey: `test.thing:${thingId}` },
          );
        }
        if (rollBack) throw new Error('rolled back on purpose');
      },
      { tenantId },
    )
    .catch((error: unknown) => {
      if (!rollBack) throw error;
    });
}

/** Every effect, in the order written. */
export async function effects(
  database: Database,
): Promise<{ consumer: string; thing_id: string; step: number; event_id: string }[]> {
  return database.transaction((tx) =>
    executeRows(tx, sql`select consumer, thing_id, step, event_id from public.event_effects order by at`),
  ) as Promise<{ consumer: string; thing_id: string; step: number; event_id: string }[]>;
}

/** Polls `done` (draining between looks) until it holds; fails after `tries` looks. */
export async function eventually(
  drain: () => Promise<void>,
  done: () => Promise<boolean>,
  { tries = 400, pauseMs = 5 } = {},
): Promise<void> {
  for (let i = 0; i < tries; i += 1) {
    await drain();
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  throw new Error('the condition did not hold in time');
}
