// @codexion/framework/events: the transactional outbox, consumers and dead letters (docs/adr/0024)
export {
  type DeadLetter,
  type DeadLetterActor,
  type DeadLetterPage,
  discardDeadLetter,
  listDeadLetters,
  retryDeadLetter,
} from './dead-letters.js';
export { type EventConsumer, eventConsumers } from './event-consumer.js';
export {
  createEventDispatcher,
  type EventDispatcher,
  type EventDispatcherOptions,
} from './event-dispatcher.js';
export { defaultAggregateKey, type EventEnvelope } from './event-envelope.js';
export {
  createEventOutbox,
  type EmitOptions,
  type EventOutbox,
  type EventOutboxOptions,
  type EventSubscribers,
} from './event-outbox.js';
export {
  type DeclaredEvent,
  type EventPayloadCheck,
  eventPayloadCheck,
} from './event-payload-check.js';
export { type EventsHttpPluginOptions, eventsHttpPlugin } from './event-routes.js';
export { defaultRetryPolicy, type RetryPolicy } from './retry-backoff.js';
export { type OutboxEvent, writeOutboxEvent } from './write-outbox-event.js';
