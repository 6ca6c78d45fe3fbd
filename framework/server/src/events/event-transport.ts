import type { EventEnvelope } from './event-envelope.js';

/** An event as a transport carries it: its envelope and its place in the outbox (for ordering). */
export interface TransportedEvent extends EventEnvelope {
  seq: number;
}

/** What a consumer's receipt of a transported event came to. */
export type ReceiptOutcome = 'done' | 'malformed';

/**
 * Carries committed events from the outbox to consumers on other nodes (RabbitMQ). Without one,
 * the dispatcher fans events out to consumers' delivery rows itself (in-process).
 */
export interface EventTransport {
  readonly kind: string;
  /** resolves once the broker has confirmed every event; rejects otherwise (they are sent again) */
  publish(events: readonly TransportedEvent[]): Promise<void>;
  /**
   * Starts receiving each consumer's events; `receive` handles one and resolves once it is done
   * (handled, or recorded for a retry); a rejection returns the message to the queue.
   */
  subscribe(
    consumers: readonly { name: string; events: readonly string[] }[],
    receive: (consumer: string, raw: unknown) => Promise<ReceiptOutcome>,
  ): Promise<void>;
  close(): Promise<void>;
}
