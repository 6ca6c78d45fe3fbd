import { sql } from 'drizzle-orm';
import { createLogger } from '../foundation/create-logger.js';
import type { EventConsumer } from './event-consumer.js';
import type { EventHandler } from './event-handler.js';

export const tenantA = '0a0a0a0a-0000-4000-8000-0000000000e1';
export const tenantB = '0b0b0b0b-0000-4000-8000-0000000000e2';
export const silentLogger = createLogger({ level: 'silent' });

/** The test events: `test.thing.changed` with the thing's id and a step number. */
export type TestEvents = { 'test.thing.changed': { thingId: string; step: number } };

/** A handler recording its effect in `public.event_effects`, in the delivery's transaction. */
export function recordingHandler(consumer: string): EventHandler<TestEvents['test.thing.changed']> {
  return async (ctx, payload) => {
    await ctx.tx.execute(
      sql`insert into public.event_effects (tenant_id, consumer, event_id, thing_id, step)
          values (${ctx.tenantId}, ${consumer}, ${ctx.event.id}, ${payload.thingId}, ${payload.step})`,
    );
  };
}

/** Consumers by name, each handling `test.thing.changed` with its handler. */
export function testConsumers(handlers: Record<string, EventHandler<never>>): EventConsumer[] {
  return Object.entries(handlers).map(([name, handler]) => ({
    name,
    handlers: new Map([['test.thing.changed', handler]]),
  }));
}
