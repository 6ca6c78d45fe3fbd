import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../data/database.js';
import { discardDeadLetter, listDeadLetters, retryDeadLetter } from './dead-letters.js';
import { createEventDispatcher, type EventDispatcher } from './event-dispatcher.js';
import { testConsumers } from './event-effects.test-helper.js';
import type { EventHandler } from './event-handler.js';
import {
  effects,
  emitSteps,
  eventsDatabase,
  eventually,
  recordingHandler,
  silentLogger,
  tenantA,
  tenantB,
} from './events.test-helper.js';

const quickRetry = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 4 };

let database: Database;
let dispose: () => Promise<void>;
const dispatchers: EventDispatcher[] = [];

function dispatcher(handlers: Record<string, EventHandler<never>>, retry = quickRetry): EventDispatcher {
  const made = createEventDispatcher({
    database,
    consumers: testConsumers(handlers),
    logger: silentLogger,
    retry,
    pollIntervalMs: 60_000,
  });
  dispatchers.push(made);
  return made;
}

async function count(table: string): Promise<number> {
  const [row] = await database.execute<{ n: number }>(`select count(*)::int as n from ${table}`);
  return Number(row?.n);
}

beforeEach(async () => {
  ({ database, dispose } = await eventsDatabase());
});

afterEach(async () => {
  for (const made of dispatchers.splice(0)) await made.stop();
  await dispose();
});

describe('the transactional outbox and its dispatcher', () => {
  it('delivers a committed event once to every consumer, with its envelope, and keeps it in their inboxes', async () => {
    const seen: unknown[] = [];
    const events = dispatcher({
      sales: recordingHandler('sales'),
      erp: (ctx, payload) => {
        seen.push({ ...ctx.event, payload });
      },
    });
    await emitSteps(database, { count: 2 });
    await events.drain();
    expect((await effects(database)).map((e) => [e.consumer, e.step])).toEqual([
      ['sales', 1],
      ['sales', 2],
    ]);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({
      name: 'test.thing.changed',
      tenantId: tenantA,
      aggregateKey: 'test.thing:thing-1',
      version: 1,
      payload: { thingId: 'thing-1', step: 1 },
    });
    expect((seen[0] as { id: string }).id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(await count('prefiq.event_inbox')).toBe(4);
    expect(await count('prefiq.event_deliveries')).toBe(0);
  });

  it('emits nothing from a transaction that rolls back', async () => {
    const events = dispatcher({ sales: recordingHandler('sales') });
    await emitSteps(database, { count: 3, rollBack: true });
    await events.drain();
    expect(await count('prefiq.event_outbox')).toBe(0);
    expect(await effects(database)).toEqual([]);
  });

  it('has no second effect when an event is delivered again', async () => {
    const events = dispatcher({ sales: recordingHandler('sales') });
    await emitSteps(database);
    await events.drain();
    // a redelivery: the delivery row back, as after a lease ran out or a broker sent it twice
    await database.execute(`insert into prefiq.event_deliveries (consumer, event_id, tenant_id, seq, aggregate_key)
      select 'sales', id, tenant_id, seq, aggregate_key from prefiq.event_outbox`);
    await events.drain();
    expect(await effects(database)).toHaveLength(1);
    expect(await count('prefiq.event_deliveries')).toBe(0);
  });

  it('retries a consumer that fails 3 times, with exactly one effect once it succeeds', async () => {
    let calls = 0;
    const record = recordingHandler('sales');
    const events = dispatcher({
      sales: async (ctx, payload: never) => {
        calls += 1;
        // the effect is written, then the failure rolls it back
        await record(ctx, payload);
        if (calls <= 3) throw new Error(`failure ${calls}`);
      },
    });
    await emitSteps(database);
    await eventually(events.drain, async () => calls >= 4);
    expect(calls).toBe(4);
    expect(await effects(database)).toHaveLength(1);
    expect(await count('prefiq.event_deliveries')).toBe(0);
  });

  it('keeps one aggregate in order while an earlier event of it is retried, and others flowing', async () => {
    let failedOnce = false;
    const record = recordingHandler('sales');
    const events = dispatcher({
      sales: async (ctx, payload: { thingId: string; step: number }) => {
        if (payload.thingId === 'slow' && payload.step === 1 && !failedOnce) {
          failedOnce = true;
          throw new Error('not yet');
        }
        await record(ctx, payload as never);
      },
    });
    await emitSteps(database, { thingId: 'slow', count: 3 });
    await emitSteps(database, { thingId: 'fast', count: 2 });
    await eventually(events.drain, async () => (await effects(database)).length === 5);
    const done = await effects(database);
    expect(done.filter((e) => e.thing_id === 'slow').map((e) => e.step)).toEqual([1, 2, 3]);
    expect(done.filter((e) => e.thing_id === 'fast').map((e) => e.step)).toEqual([1, 2]);
  });

  it('dead-letters a consumer that always fails; retry from the API delivers it, discard drops it', async () => {
    let healthy = false;
    const record = recordingHandler('sales');
    const events = dispatcher({
      sales: async (ctx, payload: never) => {
        if (!healthy) throw new Error('the ledger is down');
        await record(ctx, payload);
      },
    });
    await emitSteps(database, { thingId: 'a' });
    await emitSteps(database, { thingId: 'b' });
    await eventually(events.drain, async () => (await listDeadLetters(database, tenantA)).items.length === 2);
    const { items } = await listDeadLetters(database, tenantA);
    expect(items[0]).toMatchObject({ consumer: 'sales', event: 'test.thing.changed', attempts: 4 });
    expect(items[0]?.lastError).toBe('Error: the ledger is down');
    // another tenant sees none of them
    expect((await listDeadLetters(database, tenantB)).items).toEqual([]);
    const [first, second] = items;
    if (first === undefined || second === undefined) throw new Error('two dead letters expected');
    const who = { tenantId: tenantA, actor: { type: 'user' as const, id: 'admin-1' } };
    expect(await retryDeadLetter(database, { ...who, tenantId: tenantB }, 'sales', first.eventId)).toBe(
      false,
    );
    healthy = true;
    expect(await retryDeadLetter(database, who, 'sales', first.eventId)).toBe(true);
    expect(await discardDeadLetter(database, who, 'sales', second.eventId)).toBe(true);
    expect(await discardDeadLetter(database, who, 'sales', second.eventId)).toBe(false);
    await eventually(events.drain, async () => (await effects(database)).length === 1);
    expect((await effects(database))[0]?.event_id).toBe(first.eventId);
    expect((await listDeadLetters(database, tenantA)).items).toEqual([]);
    const audited = await database.execute<{ action: string }>(
      `select action from prefiq.audit_pending union all select action from prefiq.audit_log order by 1`,
    );
    expect(audited.map((a) => a.action)).toEqual([
      'events.dead_letter_discarded',
      'events.dead_letter_retried',
    ]);
  });

  it('shares the work between two dispatchers: each event has one effect per consumer', async () => {
    const handlers = { sales: recordingHandler('sales'), erp: recordingHandler('erp') };
    const one = dispatcher(handlers);
    const two = dispatcher(handlers);
    for (let i = 0; i < 10; i += 1)
      await emitSteps(database, { thingId: `t${i % 3}`, from: i * 3, count: 3 });
    await Promise.all([one.drain(), two.drain(), one.drain(), two.drain()]);
    const done = await effects(database);
    expect(done).toHaveLength(60);
    expect(new Set(done.map((e) => `${e.consumer}/${e.event_id}`)).size).toBe(60);
    for (const consumer of ['sales', 'erp']) {
      for (const thing of ['t0', 't1', 't2']) {
        const steps = done.filter((e) => e.consumer === consumer && e.thing_id === thing).map((e) => e.step);
        expect(steps).toEqual([...steps].sort((a, b) => a - b));
      }
    }
  });
});
