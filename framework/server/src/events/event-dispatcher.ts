import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import { servicesInTransaction } from '../data/services-in-transaction.js';
import { noServices, type Services } from '../foundation/services.js';
import { bindResources } from '../resources/bind-resources.js';
import type { EventConsumer } from './event-consumer.js';
import { type EventEnvelope, storedJson } from './event-envelope.js';
import type { EventContext, EventHandler } from './event-handler.js';
import type { EventTransport, ReceiptOutcome, TransportedEvent } from './event-transport.js';
import { onEventsCommitted } from './event-wakeup.js';
import { defaultRetryPolicy, type RetryPolicy, retryDelayMs } from './retry-backoff.js';

/** A handler acts as the system: every permission, as a seed does. */
const allPermissions: ReadonlySet<string> = new Set(['*']);

export interface EventDispatcherOptions {
  database: Database;
  consumers: readonly EventConsumer[];
  logger: Logger;
  /** the kernel's services, which handlers get as `ctx.services` (joined to their transaction); none unless given */
  services?: Services;
  /** RabbitMQ (or another broker); the dispatcher fans events out in-process without one */
  transport?: EventTransport | undefined;
  retry?: RetryPolicy;
  /** how often to look for work nobody woke this node for (other nodes' events, retries due) */
  pollIntervalMs?: number;
  /** how long a claimed delivery is this node's before another node may take it over */
  leaseMs?: number;
  /** events or deliveries taken per statement */
  batchSize?: number;
}

/** Delivers committed events to consumers: wakes on commits, polls for the rest. */
export interface EventDispatcher {
  /** starts polling (and, with a transport, consuming) */
  start(): Promise<void>;
  /** asks for a pass soon (commits of events call it) */
  wake(): void;
  /**
   * Runs passes until nothing is due now (retries waiting for their time excepted): tests and
   * benches call it to wait for delivery.
   */
  drain(): Promise<void>;
  /** stops polling and consuming; waits for the pass in progress */
  stop(): Promise<void>;
}

type OutboxRow = {
  id: string;
  seq: string | number;
  tenant_id: string;
  name: string;
  aggregate_key: string;
  occurred_at: string | Date;
  payload: unknown;
  version: number;
  request_id: string | null;
};

type ClaimedRow = OutboxRow & {
  consumer: string;
  attempts: number;
};

function envelopeOf(row: OutboxRow): TransportedEvent {
  return {
    id: row.id,
    seq: Number(row.seq),
    name: row.name,
    tenantId: row.tenant_id,
    aggregateKey: row.aggregate_key,
    occurredAt: new Date(row.occurred_at).toISOString(),
    payload: storedJson(row.payload),
    version: Number(row.version),
    requestId: row.request_id ?? undefined,
  };
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A transported event as received, checked field by field; `undefined` when it is not one. */
export function parseTransportedEvent(raw: unknown): TransportedEvent | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const e = raw as Record<string, unknown>;
  const ok =
    typeof e.id === 'string' &&
    uuidPattern.test(e.id) &&
    typeof e.tenantId === 'string' &&
    uuidPattern.test(e.tenantId) &&
    typeof e.name === 'string' &&
    typeof e.aggregateKey === 'string' &&
    typeof e.occurredAt === 'string' &&
    typeof e.seq === 'number' &&
    typeof e.version === 'number' &&
    'payload' in e;
  return ok ? (e as unknown as TransportedEvent) : undefined;
}

/**
 * The node's event dispatcher (ADR 0018). After a commit that emitted events (and every
 * `pollIntervalMs`), a pass:
 *
 * 1. takes undispatched outbox rows (`FOR UPDATE SKIP LOCKED`, so nodes share the work) and either
 *    writes one delivery row per subscribed consumer (in-process) or publishes them to the
 *    transport and waits for its confirms, then marks them dispatched — in one transaction, so a
 *    crash in between dispatches them again (at least once);
 * 2. claims due deliveries, the oldest pending one per consumer and aggregate key only (so a
 *    consumer sees one aggregate's events in order), each under a lease;
 * 3. runs each handler in a transaction in the event's tenant that also records the event id in
 *    the consumer's inbox and removes the delivery: an event already in the inbox is not handled
 *    again, so a redelivery has no second effect;
 * 4. on a failure, schedules the next attempt with exponential backoff and jitter, or after
 *    `retry.maxAttempts` marks the delivery dead (a dead letter, see `deadLetters`).
 *
 * @example
 * const dispatcher = createEventDispatcher({ database, consumers, logger });
 * await dispatcher.start();
 */
export function createEventDispatcher({
  database,
  consumers,
  logger,
  services = noServices,
  transport,
  retry = defaultRetryPolicy,
  pollIntervalMs = 1000,
  leaseMs = 30_000,
  batchSize = 100,
}: EventDispatcherOptions): EventDispatcher {
  const byName = new Map(consumers.map((c) => [c.name, c]));
  // (consumer, event) pairs as one JSON parameter, for the fan-out statement
  const subscriptions = JSON.stringify(
    consumers.flatMap((c) => [...c.handlers.keys()].map((event) => ({ consumer: c.name, event }))),
  );
  const log = logger.child({ module: 'events' });
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let unsubscribe: (() => void) | undefined;

  /** Step 1: outbox → deliveries (or the transport). How many events it dispatched. */
  async function fanOut(): Promise<number> {
    if (transport === undefined) {
      const rows = await database.transaction((tx) =>
        executeRows<{ id: string }>(
          tx,
          sql`with picked as (
                select id, seq, tenant_id, name, aggregate_key from prefiq.event_outbox
                 where dispatched_at is null order by seq limit ${batchSize} for update skip locked
              ), subscribed as (
                select s.consumer, s.event from jsonb_to_recordset(${subscriptions}::jsonb) as s(consumer text, event text)
              ), fanned as (
                insert into prefiq.event_deliveries (consumer, event_id, tenant_id, seq, aggregate_key)
                select s.consumer, p.id, p.tenant_id, p.seq, p.aggregate_key
                  from picked p join subscribed s on s.event = p.name
                on conflict do nothing
              )
              update prefiq.event_outbox o set dispatched_at = now() from picked p where o.id = p.id
              returning o.id`,
        ),
      );
      return rows.length;
    }
    return database.transaction(async (tx) => {
      const rows = await executeRows<OutboxRow>(
        tx,
        sql`select id, seq, tenant_id, name, aggregate_key, occurred_at, payload, version, request_id
              from prefiq.event_outbox where dispatched_at is null order by seq limit ${batchSize}
               for update skip locked`,
      );
      if (rows.length === 0) return 0;
      // the broker confirms before the rows are marked: a crash in between publishes them again
      await transport.publish(rows.map(envelopeOf));
      await tx.execute(
        sql`update prefiq.event_outbox set dispatched_at = now()
             where id in (${sql.join(
               rows.map((r) => sql`${r.id}::uuid`),
               sql`, `,
             )})`,
      );
      return rows.length;
    });
  }

  /** Step 2: the due deliveries, each the oldest pending one of its consumer and aggregate key. */
  function claim(): Promise<ClaimedRow[]> {
    return database.transaction((tx) =>
      executeRows<ClaimedRow>(
        tx,
        sql`with heads as (
              select distinct on (consumer, aggregate_key) consumer, event_id, seq, next_attempt_at, leased_until
                from prefiq.event_deliveries where status = 'pending'
               order by consumer, aggregate_key, seq
            ), due as (
              select d.consumer, d.event_id from prefiq.event_deliveries d
                join heads h on h.consumer = d.consumer and h.event_id = d.event_id
               where h.next_attempt_at <= now() and (h.leased_until is null or h.leased_until < now())
               order by h.seq limit ${batchSize}
                 for update of d skip locked
            )
            update prefiq.event_deliveries d
               set leased_until = now() + make_interval(secs => ${leaseMs / 1000}),
                   attempts = d.attempts + 1, updated_at = now()
              from due, prefiq.event_outbox o
             where d.consumer = due.consumer and d.event_id = due.event_id and o.id = d.event_id
            returning d.consumer, d.attempts, o.id, o.seq, o.tenant_id, o.name, o.aggregate_key,
                      o.occurred_at, o.payload, o.version, o.request_id`,
      ),
    );
  }

  /**
   * Step 3 for one event: the handler's effect, the inbox row and the end of the delivery in one
   * transaction in the event's tenant. Whether the handler ran (false: the inbox had the event).
   */
  async function handle(
    consumer: string,
    handler: EventHandler<never>,
    event: EventEnvelope,
  ): Promise<boolean> {
    const engine = byName.get(consumer)?.engine;
    return database.transaction(
      async (tx) => {
        const fresh = await executeRows(
          tx,
          sql`insert into prefiq.event_inbox (consumer, event_id, tenant_id)
              values (${consumer}, ${event.id}, ${event.tenantId}) on conflict do nothing returning event_id`,
        );
        if (fresh.length === 1) {
          const requestId = event.requestId ?? event.id;
          const logger = log.child({ consumer, event: event.name, event_id: event.id });
          const context: EventContext = {
            tx,
            tenantId: event.tenantId,
            userId: undefined,
            requestId,
            logger,
            services: servicesInTransaction(services, { tx, tenantId: event.tenantId }),
            event,
            resources:
              engine === undefined
                ? () => {
                    throw new Error(`the consumer ${consumer} has no resource engine`);
                  }
                : bindResources(engine, {
                    tx,
                    tenantId: event.tenantId,
                    requestId,
                    logger,
                    permissions: allPermissions,
                  }),
          };
          await (handler as EventHandler<unknown>)(context, event.payload);
        }
        await tx.execute(
          sql`delete from prefiq.event_deliveries where consumer = ${consumer} and event_id = ${event.id}`,
        );
        return fresh.length === 1;
      },
      { tenantId: event.tenantId },
    );
  }

  /** Step 4: the next attempt's time, or the dead-letter state. */
  async function failed(
    consumer: string,
    event: EventEnvelope,
    attempts: number,
    error: unknown,
  ): Promise<void> {
    const dead = attempts >= retry.maxAttempts;
    const delay = dead ? 0 : retryDelayMs(attempts, retry);
    await database.transaction((tx) =>
      tx.execute(
        sql`update prefiq.event_deliveries
               set status = ${dead ? 'dead' : 'pending'}, leased_until = null, last_error = ${errorText(error)},
                   next_attempt_at = now() + make_interval(secs => ${delay / 1000}), updated_at = now()
             where consumer = ${consumer} and event_id = ${event.id}`,
      ),
    );
    const fields = { consumer, event: event.name, event_id: event.id, attempts, err: error };
    if (dead) log.error(fields, `event ${event.name} dead-lettered for ${consumer}`);
    else log.warn({ ...fields, retry_in_ms: delay }, `event ${event.name} failed for ${consumer}`);
  }

  async function deliver(row: ClaimedRow): Promise<void> {
    const event = envelopeOf(row);
    const handler = byName.get(row.consumer)?.handlers.get(row.name);
    try {
      if (handler === undefined) throw new Error(`${row.consumer} has no handler for ${row.name} (any more)`);
      await handle(row.consumer, handler, event);
    } catch (error) {
      await failed(row.consumer, event, Number(row.attempts), error);
    }
  }

  /** One pass; how much it did (0: nothing was due). */
  async function pass(): Promise<number> {
    let done = await fanOut();
    const claimed = await claim();
    // one per consumer and key: none of them waits for another
    await Promise.all(claimed.map(deliver));
    done += claimed.length;
    return done;
  }

  async function loop(): Promise<void> {
    do {
      again = false;
      try {
        while (!stopped && (await pass()) > 0) {
          // more may be due at once: keep going until a pass finds nothing
        }
      } catch (error) {
        log.warn({ err: error }, 'event dispatch pass failed; retrying at the next poll');
      }
    } while (again && !stopped);
  }

  function wake(): void {
    if (stopped) return;
    if (running !== undefined) {
      again = true;
      return;
    }
    running = loop().finally(() => {
      running = undefined;
    });
  }

  /**
   * An event received from the transport: handled at once, unless an earlier event of its
   * aggregate still waits for this consumer (then it queues behind it as a delivery row).
   */
  async function receive(consumerName: string, raw: unknown): Promise<ReceiptOutcome> {
    const event = parseTransportedEvent(raw);
    const consumer = byName.get(consumerName);
    const handler = event === undefined ? undefined : consumer?.handlers.get(event.name);
    if (event === undefined || handler === undefined) return 'malformed';
    // only events of this installation's outbox (a message from elsewhere is dead-lettered); one
    // whose aggregate has an earlier event still pending for this consumer queues behind it
    const [state] = await database.transaction((tx) =>
      executeRows<{ known: number; queued: number }>(
        tx,
        sql`with known as (
              select 1 from prefiq.event_outbox where id = ${event.id} and tenant_id = ${event.tenantId}
            ), queued as (
              insert into prefiq.event_deliveries (consumer, event_id, tenant_id, seq, aggregate_key)
              select ${consumerName}, ${event.id}, ${event.tenantId}, ${event.seq}, ${event.aggregateKey}
               where exists (select 1 from known)
                 and exists (select 1 from prefiq.event_deliveries
                              where consumer = ${consumerName} and aggregate_key = ${event.aggregateKey}
                                and status = 'pending' and seq < ${event.seq})
              on conflict do nothing returning event_id
            )
            select (select count(*) from known)::int as known, (select count(*) from queued)::int as queued`,
      ),
    );
    if (Number(state?.known) === 0) return 'malformed';
    if (Number(state?.queued) === 1) {
      wake();
      return 'done';
    }
    try {
      await handle(consumerName, handler, event);
    } catch (error) {
      // the retries and the dead-letter state live in the database, like in-process ones
      const delay = retryDelayMs(1, retry);
      const dead = retry.maxAttempts <= 1;
      await database.transaction((tx) =>
        tx.execute(
          sql`insert into prefiq.event_deliveries
                (consumer, event_id, tenant_id, seq, aggregate_key, status, attempts, next_attempt_at, last_error)
              values (${consumerName}, ${event.id}, ${event.tenantId}, ${event.seq}, ${event.aggregateKey},
                      ${dead ? 'dead' : 'pending'}, 1, now() + make_interval(secs => ${delay / 1000}), ${errorText(error)})
              on conflict do nothing`,
        ),
      );
      log.warn(
        { consumer: consumerName, event: event.name, event_id: event.id, attempts: 1, err: error },
        `event ${event.name} failed for ${consumerName}`,
      );
    }
    return 'done';
  }

  return {
    async start() {
      stopped = false;
      unsubscribe = onEventsCommitted(database, wake);
      if (transport !== undefined) {
        await transport.subscribe(
          consumers.map((c) => ({ name: c.name, events: [...c.handlers.keys()] })),
          receive,
        );
      }
      timer = setInterval(wake, pollIntervalMs);
      timer.unref();
      wake();
    },
    wake,
    async drain() {
      for (;;) {
        if (running !== undefined) await running;
        const done = await pass();
        if (done === 0 && running === undefined) return;
      }
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) clearInterval(timer);
      unsubscribe?.();
      await running;
      await transport?.close();
    },
  };
}
