import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../data/database.js';
import { DomainError } from '../errors/domain-error.js';
import { noServices } from '../foundation/services.js';
import { createEventOutbox } from './event-outbox.js';
import { eventsDatabase, silentLogger, tenantA } from './events.test-helper.js';

type ThingEvents = {
  'test.thing.changed': { thingId: string; step: number };
  'test.thing.pinged': Record<string, never>;
};

const declared = [
  {
    name: 'test.thing.changed',
    payload: {
      type: 'object',
      additionalProperties: false,
      required: ['thingId', 'step'],
      properties: {
        thingId: { type: 'string', format: 'uuid' },
        step: { type: 'integer', minimum: 0 },
      },
    },
  },
  { name: 'test.thing.pinged' },
];

let database: Database;
let dispose: () => Promise<void>;

beforeEach(async () => {
  ({ database, dispose } = await eventsDatabase());
});

afterEach(async () => {
  await dispose();
});

/** Writes one row of `public.event_writes` and emits `payload` in the same transaction. */
async function writeAndEmit(name: keyof ThingEvents, payload: unknown): Promise<void> {
  const outbox = createEventOutbox<ThingEvents>({ events: declared });
  await database.transaction(
    async (tx) => {
      await tx.execute(
        sql`insert into public.event_writes (id, tenant_id, thing_id) values (gen_random_uuid(), ${tenantA}, 'w')`,
      );
      const ctx = {
        tx,
        tenantId: tenantA,
        userId: undefined,
        requestId: 'test',
        logger: silentLogger,
        services: noServices,
      };
      await outbox.emit(ctx, name, payload as never);
    },
    { tenantId: tenantA },
  );
}

async function stored(): Promise<{ outbox: number; writes: number }> {
  const [row] = await database.execute<{ outbox: number; writes: number }>(
    `select (select count(*) from prefiq.event_outbox)::int as outbox,
            (select count(*) from public.event_writes)::int as writes`,
  );
  return { outbox: Number(row?.outbox), writes: Number(row?.writes) };
}

describe('emit checks the payload against the declared event schema', () => {
  it('writes a valid payload with its change', async () => {
    await writeAndEmit('test.thing.changed', { thingId: crypto.randomUUID(), step: 3 });
    await writeAndEmit('test.thing.pinged', {});
    expect(await stored()).toEqual({ outbox: 2, writes: 2 });
  });

  it('refuses an invalid payload naming each field path and reason, and rolls the change back', async () => {
    const error = await writeAndEmit('test.thing.changed', {
      thingId: 'not-a-uuid',
      step: -1,
      extra: true,
    }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(DomainError);
    const problem = error as DomainError;
    expect(problem.code).toBe('INTERNAL');
    expect(problem.status).toBe(500);
    expect(problem.message).toContain('test.thing.changed');
    expect(problem.message).toContain('/thingId must be a valid uuid');
    // the reasons, never the values the payload carried
    expect(problem.message).not.toContain('not-a-uuid');
    expect(problem.issues).toEqual(
      expect.arrayContaining([
        { path: '/thingId', code: 'format', message: 'must be a valid uuid' },
        { path: '/step', code: 'minimum', message: 'must be >= 0' },
        { path: '/extra', code: 'additionalProperties', message: 'is not a known field' },
      ]),
    );
    const missing = await writeAndEmit('test.thing.changed', { step: 1 }).catch((thrown: unknown) => thrown);
    expect((missing as DomainError).issues).toEqual([
      { path: '/thingId', code: 'required', message: 'is required' },
    ]);
    // an event declared without a payload carries an empty object
    const pinged = await writeAndEmit('test.thing.pinged', { any: 1 }).catch((thrown: unknown) => thrown);
    expect((pinged as DomainError).issues).toEqual([
      { path: '/any', code: 'additionalProperties', message: 'is not a known field' },
    ]);
    expect(await stored()).toEqual({ outbox: 0, writes: 0 });
  });

  it('refuses an event core/app.json does not declare', async () => {
    const outbox = createEventOutbox<{ 'test.thing.gone': { id: string } }>({ events: declared });
    await expect(
      database.transaction(
        (tx) =>
          outbox.emit(
            {
              tx,
              tenantId: tenantA,
              userId: undefined,
              requestId: 'test',
              logger: silentLogger,
              services: noServices,
            },
            'test.thing.gone',
            { id: 'x' },
          ),
        { tenantId: tenantA },
      ),
    ).rejects.toThrow(/test\.thing\.gone is not declared/);
    expect(await stored()).toEqual({ outbox: 0, writes: 0 });
  });
});
