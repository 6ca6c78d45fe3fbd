import type { EventsContract } from '@codexion/contracts/events/contract';
import { requestActor } from '../audit/request-actor.js';
import type { Database } from '../data/database.js';
import { DomainError } from '../errors/domain-error.js';
import { type ContractHandlers, operationHandlers } from '../http/contract-handlers.js';
import { eventsApiName, eventsOpenApi } from '../http/framework-apis.js';
import type { HttpPlugin } from '../http/operation-router.js';
import { discardDeadLetter, listDeadLetters, retryDeadLetter } from './dead-letters.js';

export interface EventsHttpPluginOptions {
  database: Database;
}

function notFound(consumer: string, eventId: string): DomainError {
  return new DomainError('NOT_FOUND', `No dead letter of ${eventId} for ${consumer} in this tenant`);
}

/**
 * The events API as one more app for the HTTP layer (`/api/events`): the tenant's dead letters
 * (`GET /dead-letters`, keyset-paged), `POST /dead-letters/{consumer}/{eventId}/retry` and
 * `DELETE /dead-letters/{consumer}/{eventId}`, all needing `prefiq:events:manage`, validated
 * against {@link eventsOpenApi}; retries and discards are audited.
 *
 * @example
 * createHttpApp({ plugins: [eventsHttpPlugin({ database }), ...apps], ... });
 */
export function eventsHttpPlugin({ database }: EventsHttpPluginOptions): HttpPlugin {
  const handlers: ContractHandlers<EventsContract> = {
    listDeadLetters: async (c, { query }) => {
      const page = await listDeadLetters(database, c.get('tenantId'), {
        limit: query.pageSize ?? 50,
        after: query.cursor,
      });
      return c.json({ items: page.items, nextCursor: page.next ?? null });
    },
    retryDeadLetter: async (c, { params }) => {
      if (!(await retryDeadLetter(database, requestActor(c), params.consumer, params.eventId))) {
        throw notFound(params.consumer, params.eventId);
      }
      return c.body(null, 204);
    },
    discardDeadLetter: async (c, { params }) => {
      if (!(await discardDeadLetter(database, requestActor(c), params.consumer, params.eventId))) {
        throw notFound(params.consumer, params.eventId);
      }
      return c.body(null, 204);
    },
  };
  return {
    name: eventsApiName,
    openapi: eventsOpenApi,
    handlers: operationHandlers<EventsContract>(handlers),
    builtIn: true,
  };
}
