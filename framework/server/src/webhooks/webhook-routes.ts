import type { WebhooksContract } from '@codexion/contracts/webhooks/contract';
import { requestActor } from '../audit/request-actor.js';
import type { Database } from '../data/database.js';
import { DomainError } from '../errors/domain-error.js';
import { type ContractHandlers, operationHandlers } from '../http/contract-handlers.js';
import { webhooksApiName, webhooksOpenApi } from '../http/framework-apis.js';
import type { HttpPlugin } from '../http/operation-router.js';
import type { SecretBox } from '../identity/secret-box.js';
import type { EnqueueWebhook } from './webhook-consumer.js';
import {
  findWebhookDelivery,
  listWebhookDeliveries,
  recordWebhookTestEvent,
  redeliverWebhook,
  stuckAfterMinutes,
} from './webhook-deliveries.js';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from './webhook-endpoints.js';

export interface WebhooksHttpPluginOptions {
  database: Database;
  box: SecretBox;
  /** what endpoints may subscribe to (`webhookEventCatalogue` of the installed apps) */
  catalogue: readonly string[];
  /** https only and no private hosts (any `env` but development and test) */
  production: boolean;
  /** the job queue's `send`; `undefined` on a node that runs no jobs */
  enqueue: () => EnqueueWebhook | undefined;
}

const endpointNotFound = (id: string) =>
  new DomainError('NOT_FOUND', `No webhook endpoint ${id} in this tenant`);

/**
 * The webhooks API as one more app for the HTTP layer (`/api/webhooks`): the tenant's endpoints
 * (list, create, change, delete, rotate the secret), the event types they may subscribe to, an
 * endpoint's delivery log (keyset-paged), redelivering a delivery and sending a test event.
 * Reading needs `prefiq:webhooks:read`, the rest `prefiq:webhooks:manage`; writes are audited.
 * A node that runs no jobs records deliveries but answers 503 NOT_READY to what would send one.
 *
 * @example
 * createHttpApp({ plugins: [webhooksHttpPlugin({ database, box, catalogue, production, enqueue }), ...apps], ... });
 */
export function webhooksHttpPlugin({
  database,
  box,
  catalogue,
  production,
  enqueue,
}: WebhooksHttpPluginOptions): HttpPlugin {
  const rules = { box, catalogue, production };
  const sender = (): EnqueueWebhook => {
    const send = enqueue();
    if (send === undefined)
      throw new DomainError('NOT_READY', 'Jobs do not run on this node (jobs.enabled is off)');
    return send;
  };
  const handlers: ContractHandlers<WebhooksContract> = {
    listWebhookEndpoints: async (c) =>
      c.json({ items: await listWebhookEndpoints(database, c.get('tenantId')) }),
    listWebhookEventTypes: async (c) => c.json({ items: [...catalogue] }),
    createWebhookEndpoint: async (c, { body }) =>
      c.json(await createWebhookEndpoint(database, requestActor(c), rules, body), 201),
    updateWebhookEndpoint: async (c, { params, body }) => {
      const endpoint = await updateWebhookEndpoint(database, requestActor(c), rules, params.id, body);
      if (endpoint === undefined) throw endpointNotFound(params.id);
      return c.json(endpoint);
    },
    deleteWebhookEndpoint: async (c, { params }) => {
      if (!(await deleteWebhookEndpoint(database, requestActor(c), params.id)))
        throw endpointNotFound(params.id);
      return c.body(null, 204);
    },
    rotateWebhookSecret: async (c, { params }) => {
      const rotated = await rotateWebhookSecret(database, requestActor(c), box, params.id);
      if (rotated === undefined) throw endpointNotFound(params.id);
      return c.json(rotated);
    },
    listWebhookDeliveries: async (c, { params, query }) => {
      const page = await listWebhookDeliveries(database, c.get('tenantId'), params.id, {
        limit: query.pageSize ?? 50,
        after: query.cursor,
      });
      if (page === undefined) throw endpointNotFound(params.id);
      return c.json({ items: page.items, nextCursor: page.next ?? null });
    },
    redeliverWebhook: async (c, { params }) => {
      const who = requestActor(c);
      // a delivery that is not there is a 404 on any node, before whether jobs run here
      if ((await findWebhookDelivery(database, who.tenantId, params.id)) === undefined)
        throw new DomainError('NOT_FOUND', `No webhook delivery ${params.id} in this tenant`);
      const send = sender();
      const again = await redeliverWebhook(database, who, params.id);
      if (again === undefined)
        throw new DomainError('NOT_FOUND', `No webhook delivery ${params.id} in this tenant`);
      if (again === 'pending') {
        throw new DomainError(
          'CONFLICT',
          `Delivery ${params.id} is pending: its attempts go on (a stuck one may be redelivered after ${stuckAfterMinutes} minutes)`,
        );
      }
      await send({ tenantId: who.tenantId, deliveryId: again.id });
      return c.json(again, 202);
    },
    sendWebhookTestEvent: async (c, { params }) => {
      const who = requestActor(c);
      if ((await findWebhookEndpoint(database, who.tenantId, params.id)) === undefined)
        throw endpointNotFound(params.id);
      const send = sender();
      const delivery = await recordWebhookTestEvent(database, who, params.id);
      if (delivery === undefined) throw endpointNotFound(params.id);
      await send({ tenantId: who.tenantId, deliveryId: delivery.id });
      return c.json((await findWebhookDelivery(database, who.tenantId, delivery.id)) ?? delivery, 202);
    },
  };
  return {
    name: webhooksApiName,
    openapi: webhooksOpenApi,
    handlers: operationHandlers<WebhooksContract>(handlers),
    builtIn: true,
  };
}
