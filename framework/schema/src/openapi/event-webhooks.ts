import type { AppManifest, EventDeclaration } from '../model/app-model.js';
import type { JsonSchema } from '../model/json-schema.js';
import { camelCase, pascalCase } from '../names/case.js';
import type { DocumentBuilder } from './document-builder.js';
import { toPointer } from './json-pointer.js';
import type { OpenApiOperation, OpenApiPathItem, OpenApiTag } from './openapi-types.js';
import { jsonContent } from './operation-helpers.js';

/**
 * The tag of the app's webhook entries. Its description names the app, so two apps' event tags
 * differ and the merged document keeps them apart (`CRM Events`, `SALES Events`).
 */
function eventsTag(manifest: AppManifest): OpenApiTag {
  return {
    name: 'Events',
    description: `What ${manifest.title} announces after a change: one payload per event of its core/app.json`,
  };
}

/**
 * The component name of an event's payload: the event name in PascalCase plus `Event`.
 *
 * @example
 * eventSchemaName('crm.deal.stage-changed') // 'CrmDealStageChangedEvent'
 */
export function eventSchemaName(eventName: string): string {
  return `${pascalCase(eventName)}Event`;
}

/** An event without a declared payload carries an empty object. */
const emptyPayload: JsonSchema = { type: 'object', additionalProperties: false };

function payloadSchema(event: EventDeclaration): JsonSchema {
  const { $schema: _schema, $id: _id, ...payload } = structuredClone(event.payload ?? emptyPayload);
  return payload;
}

function webhookOperation(event: EventDeclaration, tag: OpenApiTag): OpenApiOperation {
  return {
    operationId: camelCase(event.name),
    summary: event.description ?? event.name,
    description: `The \`${event.name}\` event, delivered with its payload as the request body.`,
    tags: [tag.name],
    requestBody: {
      required: true,
      content: jsonContent({ $ref: `#/components/schemas/${eventSchemaName(event.name)}` }),
    },
    responses: {
      '2XX': { description: 'The subscriber took the event' },
      '4XX': { description: 'The subscriber refused the event' },
    },
  };
}

/**
 * Adds the events `core/app.json` declares to the document: each payload as the component
 * `<PascalName>Event`, and the OpenAPI 3.1 `webhooks` entries naming them (`crm.deal.won`: a POST
 * whose body is `CrmDealWonEvent`), the place 3.1 gives to what an API sends rather than serves.
 * Returns the `webhooks` object, empty when the app declares no events.
 *
 * @example
 * const webhooks = addEventWebhooks(builder, manifest);
 * webhooks['crm.deal.won']?.post?.requestBody // { content: { 'application/json': { schema: { $ref: '#/components/schemas/CrmDealWonEvent' } } } }
 */
export function addEventWebhooks(
  builder: DocumentBuilder,
  manifest: AppManifest,
): Record<string, OpenApiPathItem> {
  const events = [...(manifest.events ?? [])].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const tag = eventsTag(manifest);
  if (events.length > 0) builder.addTag(tag);
  const webhooks: Record<string, OpenApiPathItem> = {};
  for (const event of events) {
    const index = (manifest.events ?? []).indexOf(event);
    builder.addSchema(eventSchemaName(event.name), payloadSchema(event), {
      source: 'core/app.json',
      pointer: toPointer(['events', String(index), 'payload']),
    });
    webhooks[event.name] = { post: webhookOperation(event, tag) };
  }
  return webhooks;
}
