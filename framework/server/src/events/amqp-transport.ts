import type { Logger } from 'pino';
import { Connection, type Consumer, ConsumerStatus, type Publisher } from 'rabbitmq-client';
import type { EventTransport, ReceiptOutcome, TransportedEvent } from './event-transport.js';

export interface AmqpTransportOptions {
  /** `amqp://user:password@host:5672/vhost` */
  url: string;
  logger: Logger;
  /** the names' prefix: exchanges and queues of one installation (tests use their own) */
  prefix?: string;
}

/** The RabbitMQ names of an installation's topology (see docs/runbooks/events.md). */
export function amqpTopology(prefix = 'codexion') {
  return {
    /** topic exchange; routing key = event name */
    exchange: `${prefix}.events`,
    /** dead-letter exchange: messages a consumer's queue rejects as malformed */
    deadLetterExchange: `${prefix}.events.dead`,
    deadLetterQueue: `${prefix}.events.dead-letters`,
    queue: (consumer: string) => `${prefix}.events.${consumer}`,
  };
}

/**
 * Events between nodes through RabbitMQ (ADR 0019, on rabbitmq-client, which reconnects and
 * declares its topology again by itself): a durable topic exchange the dispatcher publishes
 * committed events to with publisher confirms (persistent messages, routing key = event name), and
 * one durable queue per consumer, bound to the events it handles, with a single active consumer
 * across nodes (so one aggregate's events stay in order) and a dead-letter exchange for messages
 * that are not events. Handler failures are not nacked: the dispatcher records them in the
 * database, where retries and dead letters of both transports live.
 *
 * @example
 * const transport = createAmqpTransport({ url: 'amqp://guest:guest@127.0.0.1:5672', logger });
 */
export function createAmqpTransport({
  url,
  logger,
  prefix = 'codexion',
}: AmqpTransportOptions): EventTransport {
  const names = amqpTopology(prefix);
  const log = logger.child({ module: 'events.amqp' });
  const connection = new Connection({ url, connectionName: 'prefiq events', retryLow: 200, retryHigh: 5000 });
  connection.on('error', (error: unknown) =>
    log.warn({ err: error }, 'RabbitMQ connection error; reconnecting'),
  );
  const exchanges = [
    { exchange: names.exchange, type: 'topic', durable: true },
    { exchange: names.deadLetterExchange, type: 'topic', durable: true },
  ];
  let publisher: Publisher | undefined;
  const consumers: Consumer[] = [];

  return {
    kind: 'amqp',
    async publish(events: readonly TransportedEvent[]) {
      publisher ??= connection.createPublisher({ confirm: true, maxAttempts: 3, exchanges });
      const open = publisher;
      await Promise.all(
        events.map((event) =>
          open.send(
            {
              exchange: names.exchange,
              routingKey: event.name,
              durable: true,
              messageId: event.id,
              contentType: 'application/json',
            },
            event,
          ),
        ),
      );
    },
    async subscribe(wanted, receive: (consumer: string, raw: unknown) => Promise<ReceiptOutcome>) {
      const ready: Promise<void>[] = [];
      for (const { name, events } of wanted) {
        const queue = names.queue(name);
        const consumer = connection.createConsumer(
          {
            queue,
            queueOptions: {
              durable: true,
              arguments: {
                'x-single-active-consumer': true,
                'x-dead-letter-exchange': names.deadLetterExchange,
              },
            },
            // handled one at a time, in queue order; prefetched so the next is already here
            qos: { prefetchCount: 50 },
            concurrency: 1,
            exchanges,
            queueBindings: events.map((event) => ({ exchange: names.exchange, queue, routingKey: event })),
          },
          async (message) => {
            const outcome = await receive(name, message.body);
            if (outcome === 'malformed') {
              log.error({ consumer: name, message_id: message.messageId }, 'not an event: dead-lettered');
              return ConsumerStatus.DROP;
            }
            return ConsumerStatus.ACK;
          },
        );
        consumer.on('error', (error: unknown) =>
          log.warn({ err: error, consumer: name }, 'RabbitMQ consumer error'),
        );
        consumers.push(consumer);
        ready.push(new Promise((resolve) => consumer.once('ready', () => resolve())));
      }
      // the dead letters' own queue, so they are kept for an operator
      await connection.exchangeDeclare({ exchange: names.deadLetterExchange, type: 'topic', durable: true });
      await connection.queueDeclare({ queue: names.deadLetterQueue, durable: true });
      await connection.queueBind({
        exchange: names.deadLetterExchange,
        queue: names.deadLetterQueue,
        routingKey: '#',
      });
      await Promise.all(ready);
    },
    async close() {
      await Promise.all(consumers.splice(0).map((c) => c.close()));
      await publisher?.close();
      await connection.close();
    },
  };
}
