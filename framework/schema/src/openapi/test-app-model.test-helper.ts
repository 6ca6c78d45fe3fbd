/** Test-only: a small CRM app exercising every shape the OpenAPI builder handles. */
import type { ActionDefinition, AppModel, EntityModel } from '../model/app-model.js';
import type { EntityAnnotations, JsonSchema } from '../model/json-schema.js';

function entity(
  name: string,
  typeName: string,
  pluralTypeName: string,
  schema: JsonSchema,
  persisted?: { table: string; resource: string },
): EntityModel {
  const annotations = (schema['x-codexion'] ?? {}) as EntityAnnotations;
  return {
    name,
    typeName,
    pluralTypeName,
    file: `core/schema/${name}.schema.json`,
    schema,
    annotations,
    ...(persisted ?? {}),
    primaryKey: 'id',
    rules: [],
    policies: [],
  };
}

const deal = entity(
  'deal',
  'Deal',
  'Deals',
  {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://codexion.dev/apps/crm/deal.schema.json',
    title: 'Deal',
    description: 'A sales opportunity with an account',
    type: 'object',
    'x-codexion': {
      table: 'deals',
      resource: 'deals',
      titleField: 'title',
      search: ['title', 'notes'],
      softDelete: true,
      workflow: {
        field: 'stage',
        states: ['open', 'won', 'lost'],
        initial: 'open',
        immutableIn: ['won', 'lost'],
        transitions: [
          { from: 'open', to: 'won', when: { '>': [{ var: 'amount.amount' }, 0] } },
          { from: 'open', to: 'lost' },
        ],
      },
    },
    properties: {
      title: { type: 'string', minLength: 1, maxLength: 200, 'x-codexion': { label: 'Title' } },
      accountId: {
        type: 'string',
        format: 'uuid',
        'x-codexion': { ref: 'account', onDelete: 'restrict', widget: 'relation' },
      },
      amount: { $ref: './money.schema.json' },
      currency: { $ref: './money.schema.json#/$defs/currencyCode' },
      stage: { type: 'string', enum: ['open', 'won', 'lost'], default: 'open' },
      probability: { type: 'integer', minimum: 0, maximum: 100, default: 10 },
      priority: { type: 'string', enum: ['low', 'high'] },
      expectedCloseDate: { type: 'string', format: 'date' },
      notes: { type: 'string', maxLength: 10_000, 'x-codexion': { widget: 'textarea' } },
      closedAt: { type: ['string', 'null'], format: 'date-time', readOnly: true },
    },
    required: ['title', 'accountId', 'amount', 'stage', 'closedAt'],
    additionalProperties: false,
  },
  { table: 'deals', resource: 'deals' },
);

const account = entity(
  'account',
  'Account',
  'Accounts',
  {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Account',
    type: 'object',
    'x-codexion': { table: 'accounts' },
    $defs: {
      contactPoint: {
        type: 'object',
        properties: {
          kind: { type: 'string', enum: ['email', 'phone'] },
          value: { type: 'string' },
        },
        required: ['kind', 'value'],
      },
    },
    properties: {
      name: { type: 'string', minLength: 1 },
      billingAddress: { $ref: 'address.schema.json' },
      contacts: { type: 'array', items: { $ref: '#/$defs/contactPoint' } },
      primaryContact: { $ref: '#/$defs/contactPoint/properties/value' },
    },
    required: ['name'],
  },
  { table: 'accounts', resource: 'accounts' },
);

const money = entity('money', 'Money', 'Money', {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://codexion.dev/apps/crm/money.schema.json',
  title: 'Money',
  description: 'An amount in a currency',
  type: 'object',
  $defs: { currencyCode: { type: 'string', pattern: '^[A-Z]{3}$' } },
  properties: {
    amount: { type: 'number', 'x-codexion': { widget: 'money', currencyField: 'currency' } },
    currency: { $ref: '#/$defs/currencyCode' },
  },
  required: ['amount', 'currency'],
});

const address = entity('address', 'Address', 'Addresses', {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Address',
  type: 'object',
  properties: {
    street: { type: 'string' },
    city: { type: 'string' },
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
  },
  required: ['city', 'country'],
});

const actions: ActionDefinition[] = [
  {
    id: 'duplicateDeal',
    summary: 'Duplicate a deal',
    description: 'Copies a deal, with a new title, into the open stage.',
    method: 'POST',
    path: '/deals/{id}/duplicate',
    permission: 'crm:deal:create',
    entity: 'deal',
    request: {
      type: 'object',
      properties: { title: { type: 'string', minLength: 1 } },
      required: ['title'],
      additionalProperties: false,
    },
    response: { $ref: '../schema/deal.schema.json' },
    status: 201,
  },
  {
    id: 'forecast',
    summary: 'Forecast of open deals',
    method: 'GET',
    path: '/forecast',
    permission: 'crm:deal:read',
    request: {
      type: 'object',
      properties: { quarter: { type: 'string', pattern: '^[0-9]{4}-Q[1-4]$', description: 'e.g. 2026-Q1' } },
      required: ['quarter'],
    },
    response: {
      type: 'object',
      properties: { weighted: { $ref: 'https://codexion.dev/apps/crm/money.schema.json' } },
      required: ['weighted'],
    },
  },
  {
    id: 'confirmMeeting',
    summary: 'Confirm a meeting from the link in its invitation',
    method: 'POST',
    path: '/meetings/confirm',
    access: 'public',
    request: {
      type: 'object',
      properties: { token: { type: 'string', minLength: 16 } },
      required: ['token'],
      additionalProperties: false,
    },
    status: 204,
  },
];

/** Entities in a deliberately unsorted order, to show the output does not depend on it. */
export function testAppModel(): AppModel {
  return {
    manifest: {
      name: 'crm',
      version: '1.2.0',
      title: 'CRM',
      description: 'Accounts, deals and the sales pipeline',
      framework: '^0.1.0',
    },
    entities: [deal, money, account, address].map((e) => structuredClone(e)),
    actions: actions.map((a) => structuredClone(a)),
  };
}
