import { randomBytes } from 'node:crypto';
import { Connection } from 'rabbitmq-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../data/database.js';
import { amqpTopology, createAmqpTransport } from './amqp-transport.js';
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
} from './events.test-helper.js';

const amqpUrl = process.env.CODEXION_AMQP_URL;
const quickRetry = { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 4 };

let database: Database;
let dispose: () => Promise<void>;
let prefix: string;
const nodes: EventDispatcher[] = [];

/** One node: a dispatcher whose events travel through RabbitMQ, under this test's own names. */
async function node(handlers: Record<string, EventHandler<never>>): Promise<EventDispatcher> {
  if (amqpUrl === undefined) throw new Error('CODEXION_AMQP_URL is not set');
  const dispatcher = createEventDispatcher({
    database,
    consumers: testConsumers(handlers),
    logger: silentLogger,
    transport: createAmqpTransport({ url: amqpUrl, logger: silentLogger, prefix }),
    retry: quickRetry,
    pollIntervalMs: 50,
  });
  await dispatcher.start();
  nodes.push(dispatcher);
  return dispatcher;
}

beforeEach(async () => {
  if (amqpUrl === undefined) return;
  prefix = `codexion-test-${randomBytes(4).toString('hex')}`;
  ({ database, dispose } = await eventsDatabase());
});

afterEach(async () => {
  if (amqpUrl === undefined) return;
  for (const dispatcher of nodes.splice(0)) await dispatcher.stop();
  const connection = new Connection(amqpUrl);
  const names = amqpTopology(prefix);
  for (const consumer of ['sales', 'erp']) await connection.queueDelete({ queue: names.queue(consumer) });
  await connection.queueDelete({ queue: names.deadLetterQueue });
  await connection.exchangeDelete({ exchange: names.exchange });
  await connection.exchangeDelete({ exchange: names.deadLetterExchange });
  await connection.close();
  await dispose();
});

describe.skipIf(amqpUrl === undefined)('events through RabbitMQ (set CODEXION_AMQP_URL to run)', () => {
  it('two nodes on one database and broker: each event consumed once per consumer, in order per key', async () => {
    const handlers = { sales: recordingHandler('sales'), erp: recordingHandler('erp') };
    const one = await node(handlers);
    const two = await node(handlers);
    for (let i = 0; i < 10; i += 1)
      await emitSteps(database, { thingId: `t${i % 3}`, from: i * 3, count: 3 });
    await eventually(
      async () => {
        await Promise.all([one.drain(), two.drain()]);
      },
      async () => (await effects(database)).length >= 60,
      { tries: 600, pauseMs: 20 },
    );
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

  it('retries a consumer that fails 3 times: exactly one effect', async () => {
    let calls = 0;
    const record = recordingHandler('sales');
    const dispatcher = await node({
      sales: async (ctx, payload: never) => {
        calls += 1;
        await record(ctx, payload);
        if (calls <= 3) throw new Error(`failure ${calls}`);
      },
    });
    await emitSteps(database);
    await eventually(dispatcher.drain, async () => calls >= 4, { tries: 600, pauseMs: 20 });
    await dispatcher.drain();
    expect(calls).toBe(4);
    expect(await effects(database)).toHaveLength(1);
  });

  it('dead-letters a message that is not an event through the dead-letter exchange', async () => {
    if (amqpUrl === undefined) return;
    await node({ sales: recordingHandler('sales') });
    const names = amqpTopology(prefix);
    const connection = new Connection(amqpUrl);
    const publisher = connection.createPublisher({ confirm: true });
    await publisher.send(
      { exchange: names.exchange, routingKey: 'test.thing.changed', contentType: 'application/json' },
      { not: 'an event' },
    );
    let waiting = 0;
    for (let i = 0; i < 200 && waiting === 0; i += 1) {
      ({ messageCount: waiting } = await connection.queueDeclare({
        queue: names.deadLetterQueue,
        passive: true,
      }));
      if (waiting === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await publisher.close();
    await connection.close();
    expect(waiting).toBe(1);
    expect(await effects(database)).toEqual([]);
  });
});
