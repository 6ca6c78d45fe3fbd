/** Test-only: a tiny billing app, its OpenAPI document and an HTTP app over stub handlers. */
import { Writable } from 'node:stream';
import {
  type AppModel,
  buildOpenApi,
  type EntityModel,
  type JsonSchema,
  type OpenApiDocument,
} from '@codexion/schema';
import pino from 'pino';
import { createMetrics } from '../observability/metrics.js';
import { createHttpApp, type HttpAppOptions } from './create-http-app.js';
import type { OperationHandler } from './operation-handler.js';
import { tenantFromHeader } from './tenant-context.js';

export const tenantId = '5d0c8a52-3c7e-4f8e-9a8e-1f2b3c4d5e6f';
export const recordId = '0b7c1e3a-9f4d-4d2a-8c6b-2e5f7a9b1c3d';

function entity(
  name: string,
  typeName: string,
  pluralTypeName: string,
  schema: JsonSchema,
  resource: string,
): EntityModel {
  return {
    name,
    typeName,
    pluralTypeName,
    file: `core/schema/${name}.schema.json`,
    schema,
    annotations: (schema['x-codexion'] ?? {}) as EntityModel['annotations'],
    table: resource.replace(/-/g, '_'),
    resource,
    primaryKey: 'id',
    rules: [],
    policies: [],
  };
}

/** `billing`: invoices (CRUD, soft delete), a POST action and a GET action with query parameters. */
export function billingModel(name = 'billing'): AppModel {
  const invoice = entity(
    'invoice',
    'Invoice',
    'Invoices',
    {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'Invoice',
      type: 'object',
      'x-codexion': { table: 'invoices', search: ['number'], softDelete: true },
      properties: {
        number: { type: 'string', minLength: 1, maxLength: 50 },
        amount: { type: 'number', minimum: 0, maximum: 1_000_000_000 },
        paid: { type: 'boolean', default: false },
        dueDate: { type: 'string', format: 'date', maxLength: 10 },
        postedAt: { type: ['string', 'null'], format: 'date-time', maxLength: 40, readOnly: true },
      },
      required: ['number', 'amount'],
      additionalProperties: false,
    },
    'invoices',
  );
  return {
    manifest: { name, version: '1.0.0', title: `${name} app`, framework: '^0.1.0' },
    entities: [invoice],
    actions: [
      {
        id: 'sendInvoice',
        summary: 'Send an invoice',
        method: 'POST',
        path: '/invoices/{id}/send',
        permission: `${name}:invoice:send`,
        entity: 'invoice',
        request: {
          type: 'object',
          properties: { to: { type: 'string', format: 'email', maxLength: 254 } },
          required: ['to'],
          additionalProperties: false,
        },
      },
      {
        id: 'agingReport',
        summary: 'Aging of unpaid invoices',
        method: 'GET',
        path: '/aging',
        permission: `${name}:invoice:read`,
        request: {
          type: 'object',
          properties: {
            asOf: { type: 'string', format: 'date', maxLength: 10 },
            bucketDays: { type: 'integer', format: 'int32', minimum: 1, maximum: 3650 },
          },
          required: ['asOf'],
        },
      },
    ],
  };
}

export function billingOpenApi(name = 'billing'): OpenApiDocument {
  return buildOpenApi(billingModel(name));
}

/** A handler per operation, answering `{ operationId, input, tenantId }` so tests see what the router passed. */
export function echoHandlers(doc: OpenApiDocument): Record<string, OperationHandler> {
  const handlers: Record<string, OperationHandler> = {};
  for (const item of Object.values(doc.paths)) {
    for (const operation of Object.values(item)) {
      if (operation === undefined) continue;
      const { operationId } = operation;
      handlers[operationId] = (c, input) =>
        c.json({ operationId, input, tenantId: c.get('tenantId'), routeTemplate: c.get('routeTemplate') });
    }
  }
  return handlers;
}

/** A pino logger writing parsed JSON lines into `lines`. */
export function captureLogger(level: pino.Level = 'debug'): {
  logger: pino.Logger;
  lines: Record<string, unknown>[];
} {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const text of chunk.toString().split('\n')) if (text.trim() !== '') lines.push(JSON.parse(text));
      callback();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

/** The billing app behind `createHttpApp`, all permissions granted unless `overrides` say otherwise. */
export function testApp(overrides: Partial<HttpAppOptions> = {}) {
  const openapi = billingOpenApi();
  const { logger, lines } = captureLogger();
  const metrics = createMetrics({ defaultMetrics: false });
  const app = createHttpApp({
    plugins: [{ name: 'billing', openapi, handlers: echoHandlers(openapi) }],
    logger,
    metrics,
    readiness: () => ({ database: { ok: true } }),
    tenant: tenantFromHeader(),
    permissions: () => new Set(['*']),
    environment: 'test',
    ...overrides,
  });
  return { app, lines, metrics, openapi };
}

/** Headers of a request inside the test tenant. */
export function tenantHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { 'X-Codexion-Tenant': tenantId, ...extra };
}
