/**
 * Bench of event delivery (ADR 0018): events delivered per second by the dispatcher, in-process
 * and through RabbitMQ, each against a floor measured in the same run on the same database: a
 * bare loop doing by hand the least a delivery must do (one transaction in the event's tenant that
 * records the event in the consumer's inbox and writes the effect). Prints events/s and the ratio
 * to the floor; exits 1 when in-process delivery is below half the floor or RabbitMQ delivery below
 * a quarter of it.
 *
 *   node --import tsx tools/bench/events-bench.ts [--events 2000] [--keys 50]
 *
 * On PostgreSQL when DATABASE_URL is set (a throwaway database), on PGlite otherwise; through
 * RabbitMQ when CODEXION_AMQP_URL is set (exchanges and queues of its own, removed after).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { frameworkMigrations } from '@codexion/framework/kernel';
import { sql } from 'drizzle-orm';
import { Connection } from 'rabbitmq-client';
import type { Database } from '../../framework/server/src/data/database.js';
import { createTestDatabase } from '../../framework/server/src/data/test-database.js';
import { ensureTestTenant } from '../../framework/server/src/data/test-tenant.js';
import { amqpTopology, createAmqpTransport } from '../../framework/server/src/events/amqp-transport.js';
import { createEventDispatcher } from '../../framework/server/src/events/event-dispatcher.js';
import { createEventOutbox } from '../../framework/server/src/events/event-outbox.js';
import type { EventTransport } from '../../framework/server/src/events/event-transport.js';
import { createLogger } from '../../framework/server/src/foundation/create-logger.js';
import type { EventHandler } from '../../framework/server/src/plugins/define-plugin.js';
import { tenantRole } from '../../framework/server/src/tenancy/ensure-row-level-security.js';

const { values } = parseArgs({
  options: { events: { type: 'string', default: '2000' }, keys: { type: 'string', default: '50' } },
});
const total = Number(values.events);
const keys = Number(values.keys);
const tenantId = '0a0a0a0a-0000-4000-8000-0000000000b1';
const logger = createLogger({ level: 'silent' });
type BenchEvents = { 'bench.thing.changed': { thingId: string; n: number } };

const effect: EventHandler<BenchEvents['bench.thing.changed']> = async (ctx, payload) => {
  await ctx.tx.execute(
    sql`insert into public.bench_effects (event_id, n) values (${ctx.event.id}, ${payload.n})`,
  );
};

async function emitAll(database: Database): Promise<void> {
  const outbox = createEventOutbox<BenchEvents>();
  for (let start = 0; start < total; start += 100) {
    await database.transaction(
      async (tx) => {
        const ctx = { tx, tenantId, userId: undefined, requestId: 'bench', logger };
        for (let n = start; n < Math.min(total, start + 100); n += 1) {
          await outbox.emit(ctx, 'bench.thing.changed', { thingId: `t${n % keys}`, n });
        }
      },
      { tenantId },
    );
  }
}

async function effects(database: Database): Promise<number> {
  const [row] = await database.execute<{ n: number }>('select count(*)::int as n from public.bench_effects');
  return Number(row?.n);
}

async function reset(database: Database): Promise<void> {
  await database.execute(
    'truncate public.bench_effects, prefiq.event_inbox, prefiq.event_deliveries, prefiq.event_outbox',
  );
}

/** The floor: one inbox row and one effect per event, each in a transaction of the tenant, in a loop. */
async function floor(database: Database): Promise<number> {
  const started = performance.now();
  for (let n = 0; n < total; n += 1) {
    const id = randomUUID();
    await database.transaction(
      async (tx) => {
        await tx.execute(
          sql`insert into prefiq.event_inbox (consumer, event_id, tenant_id) values ('bench', ${id}, ${tenantId})`,
        );
        await tx.execute(sql`insert into public.bench_effects (event_id, n) values (${id}, ${n})`);
      },
      { tenantId },
    );
  }
  return total / ((performance.now() - started) / 1000);
}

/** Emits `total` events, then times the dispatcher until every one had its effect. */
async function deliver(database: Database, transport: EventTransport | undefined): Promise<number> {
  await reset(database);
  await emitAll(database);
  const dispatcher = createEventDispatcher({
    database,
    consumers: [
      { name: 'bench', handlers: new Map([['bench.thing.changed', effect as EventHandler<never>]]) },
    ],
    logger,
    transport,
    pollIntervalMs: 20,
    batchSize: 200,
  });
  const started = performance.now();
  await dispatcher.start();
  while ((await effects(database)) < total) {
    await dispatcher.drain();
    if (transport !== undefined) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const rate = total / ((performance.now() - started) / 1000);
  await dispatcher.stop();
  return rate;
}

const test = await createTestDatabase({ migrations: frameworkMigrations });
const { database } = test;
let failed = false;
try {
  await ensureTestTenant(database, tenantId);
  await database.execute('create table public.bench_effects (event_id uuid primary key, n int not null)');
  await database.execute(`grant select, insert on public.bench_effects to ${tenantRole}`);
  database.useTenantRole(tenantRole);
  const where = test.url === undefined ? 'PGlite' : 'PostgreSQL';
  console.log(`events bench on ${where}: ${total} events over ${keys} aggregate keys, one consumer`);
  await reset(database);
  const base = await floor(database);
  console.log(`  floor (inbox + effect per transaction, by hand): ${base.toFixed(0)} events/s`);

  const inProcess = await deliver(database, undefined);
  const inRatio = inProcess / base;
  const inPass = inRatio >= 0.5;
  failed ||= !inPass;
  console.log(
    `  in-process: ${inProcess.toFixed(0)} events/s, ${(inRatio * 100).toFixed(0)}% of the floor (target ≥ 50%) ${inPass ? 'PASS' : 'FAIL'}`,
  );

  const amqpUrl = process.env.CODEXION_AMQP_URL;
  if (amqpUrl === undefined) {
    console.log('  RabbitMQ: SKIPPED (set CODEXION_AMQP_URL)');
  } else {
    const prefix = `codexion-bench-${randomBytes(4).toString('hex')}`;
    const rabbit = await deliver(database, createAmqpTransport({ url: amqpUrl, logger, prefix }));
    const ratio = rabbit / base;
    const pass = ratio >= 0.25;
    failed ||= !pass;
    console.log(
      `  RabbitMQ: ${rabbit.toFixed(0)} events/s, ${(ratio * 100).toFixed(0)}% of the floor (target ≥ 25%) ${pass ? 'PASS' : 'FAIL'}`,
    );
    const connection = new Connection(amqpUrl);
    const names = amqpTopology(prefix);
    await connection.queueDelete({ queue: names.queue('bench') });
    await connection.queueDelete({ queue: names.deadLetterQueue });
    await connection.exchangeDelete({ exchange: names.exchange });
    await connection.exchangeDelete({ exchange: names.deadLetterExchange });
    await connection.close();
  }
} finally {
  await test.dispose();
}
process.exit(failed ? 1 : 0);
