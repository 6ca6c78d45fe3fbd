import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../model/json-schema.js';
import { buildOpenApi } from './build-openapi.js';
import { isRecord } from './json-pointer.js';
import type { OpenApiOperation, OpenApiParameter } from './openapi-types.js';
import { testAppModel } from './test-app-model.test-helper.js';

const doc = buildOpenApi(testAppModel());
const schemas = doc.components.schemas;

function operations(): [string, string, OpenApiOperation][] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]): [string, string, OpenApiOperation] => [path, method, op]),
  );
}

function operation(path: string, method: 'get' | 'post' | 'patch' | 'delete'): OpenApiOperation {
  const op = doc.paths[path]?.[method];
  if (op === undefined) throw new Error(`no ${method} ${path}`);
  return op;
}

function inlineParam(op: OpenApiOperation, name: string): OpenApiParameter | undefined {
  return op.parameters?.find((p): p is OpenApiParameter => 'name' in p && p.name === name);
}

/** operator names a field of the `filter` parameter accepts */
function operatorsOf(filter: OpenApiParameter | undefined, field: string): string[] {
  const anyOf = filter?.schema.properties?.[field]?.anyOf;
  const operators: unknown = Array.isArray(anyOf) ? anyOf[1] : undefined;
  return isRecord(operators) && isRecord(operators.properties) ? Object.keys(operators.properties) : [];
}

function schema(name: string): JsonSchema {
  const found = schemas[name];
  if (found === undefined) throw new Error(`no component ${name}`);
  return found;
}

describe('buildOpenApi', () => {
  it('takes info and the server from the manifest', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toEqual({
      title: 'CRM',
      version: '1.2.0',
      description: 'Accounts, deals and the sales pipeline',
    });
    expect(doc.servers).toEqual([{ url: '/api/crm' }]);
    expect(buildOpenApi(testAppModel(), { basePath: '/v2/crm/' }).servers).toEqual([{ url: '/v2/crm' }]);
  });

  it('generates stable operationIds on the expected paths', () => {
    const ids = operations().map(([path, method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`);
    expect(ids).toEqual([
      'GET /accounts listAccounts',
      'POST /accounts createAccount',
      'POST /accounts/bulk bulkCreateAccounts',
      'GET /accounts/{id} getAccount',
      'PATCH /accounts/{id} updateAccount',
      'DELETE /accounts/{id} deleteAccount',
      'GET /deals listDeals',
      'POST /deals createDeal',
      'POST /deals/bulk bulkCreateDeals',
      'GET /deals/{id} getDeal',
      'PATCH /deals/{id} updateDeal',
      'DELETE /deals/{id} deleteDeal',
      'POST /deals/{id}/duplicate duplicateDeal',
      'POST /deals/{id}/restore restoreDeal',
      'POST /deals/{id}/transition transitionDeal',
      'GET /forecast forecast',
      'POST /meetings/confirm confirmMeeting',
    ]);
  });

  it('tags each operation with its entity, or the app for entity-less actions', () => {
    expect(doc.tags.map((t) => t.name)).toEqual(['Account', 'CRM', 'Deal']);
    expect(doc.tags.find((t) => t.name === 'Deal')?.description).toBe('A sales opportunity with an account');
    expect(operation('/deals/{id}/duplicate', 'post').tags).toEqual(['Deal']);
    expect(operation('/forecast', 'get').tags).toEqual(['CRM']);
  });

  it('emits components for records, bodies, pages, value objects, hoisted $defs and Problem', () => {
    expect(Object.keys(schemas)).toEqual([
      'Account',
      'AccountContactPoint',
      'AccountCreate',
      'AccountPage',
      'AccountPatch',
      'Address',
      'Deal',
      'DealCreate',
      'DealPage',
      'DealPatch',
      'Money',
      'MoneyCurrencyCode',
      'Problem',
    ]);
  });

  it('strips $schema/$id/$defs and rewrites every kind of $ref', () => {
    const json = JSON.stringify(doc);
    expect(json).not.toContain('$schema');
    expect(json).not.toContain('"$id"');
    expect(json).not.toContain('$defs');
    expect(json).not.toContain('.schema.json"');
    const deal = schema('Deal').properties ?? {};
    expect(deal.amount).toEqual({ $ref: '#/components/schemas/Money' });
    expect(deal.currency).toEqual({ $ref: '#/components/schemas/MoneyCurrencyCode' });
    const account = schema('Account').properties ?? {};
    expect(account.billingAddress).toEqual({ $ref: '#/components/schemas/Address' });
    expect(account.contacts?.items).toEqual({ $ref: '#/components/schemas/AccountContactPoint' });
    expect(account.primaryContact).toEqual({
      $ref: '#/components/schemas/AccountContactPoint/properties/value',
    });
    expect(schema('Money').properties?.currency).toEqual({ $ref: '#/components/schemas/MoneyCurrencyCode' });
    // actions: a relative path from core/actions/ and an absolute $id
    expect(operation('/deals/{id}/duplicate', 'post').responses['201']).toEqual({
      description: 'Success',
      headers: expect.objectContaining({
        'RateLimit-Limit': { $ref: '#/components/headers/RateLimit-Limit' },
      }),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Deal' } } },
    });
    expect(JSON.stringify(operation('/forecast', 'get').responses['200'])).toContain(
      '#/components/schemas/Money"',
    );
  });

  it('keeps x-codexion annotations for clients', () => {
    expect(schema('Deal')['x-codexion']).toMatchObject({ table: 'deals', search: ['title', 'notes'] });
    expect(schema('DealCreate').properties?.notes?.['x-codexion']).toEqual({ widget: 'textarea' });
  });

  it('adds system fields to the record and keeps them out of Create', () => {
    const deal = schema('Deal');
    expect(Object.keys(deal.properties ?? {})).toEqual(
      expect.arrayContaining(['id', 'tenantId', 'version', 'createdAt', 'deletedAt', 'closedAt']),
    );
    expect(deal.required).toEqual(expect.arrayContaining(['id', 'version', 'title']));
    const create = schema('DealCreate');
    expect(Object.keys(create.properties ?? {})).toEqual([
      'title',
      'accountId',
      'amount',
      'currency',
      'stage',
      'probability',
      'priority',
      'expectedCloseDate',
      'notes',
      'custom',
    ]);
    expect(create.properties?.custom).toMatchObject({ type: 'object', additionalProperties: true });
    // stage is required but has a default: the server fills it in, so a create may leave it out
    expect(create.required).toEqual(['title', 'accountId', 'amount']);
    expect(create.additionalProperties).toBe(false);
    expect(schema('AccountCreate').properties).not.toHaveProperty('deletedAt');
  });

  it('makes every Patch property optional and only optional, default-less ones nullable', () => {
    const patch = schema('DealPatch');
    const props = patch.properties ?? {};
    expect(patch.required).toBeUndefined();
    expect(patch.additionalProperties).toBe(false);
    expect(props.title).toEqual({
      type: 'string',
      minLength: 1,
      maxLength: 200,
      'x-codexion': { label: 'Title' },
    });
    expect(props.amount).toEqual({ $ref: '#/components/schemas/Money' });
    expect(props.priority).toEqual({ type: ['string', 'null'], enum: ['low', 'high', null] });
    // defaulted, so stored NOT NULL: a patch may change it but not clear it
    expect(props.probability).toEqual({ type: 'integer', minimum: 0, maximum: 100 });
    expect(props.currency).toEqual({
      anyOf: [{ $ref: '#/components/schemas/MoneyCurrencyCode' }, { type: 'null' }],
    });
    expect(props).not.toHaveProperty('closedAt');
    expect(props).not.toHaveProperty('stage'); // workflow state moves through /transition
    expect(schema('AccountPatch').properties?.billingAddress).toEqual({
      anyOf: [{ $ref: '#/components/schemas/Address' }, { type: 'null' }],
    });
  });

  it('describes a page with a nullable cursor and an optional total', () => {
    expect(schema('DealPage')).toMatchObject({
      properties: {
        items: { type: 'array', items: { $ref: '#/components/schemas/Deal' } },
        nextCursor: { type: ['string', 'null'] },
        total: { type: 'integer' },
      },
      required: ['items', 'nextCursor'],
    });
  });

  it('gives list operations search, sort, pagination, fields, include, where and filter', () => {
    const list = operation('/deals', 'get');
    const names = (list.parameters ?? []).map((p) => ('$ref' in p ? p.$ref : p.name));
    expect(names).toEqual([
      'q',
      'sort',
      '#/components/parameters/Cursor',
      '#/components/parameters/PageNumber',
      '#/components/parameters/PageSize',
      '#/components/parameters/IncludeTotal',
      'fields',
      'include',
      '#/components/parameters/Where',
      'filter',
    ]);
    expect(doc.components.parameters.PageSize?.schema).toEqual({
      type: 'integer',
      format: 'int32',
      minimum: 1,
      maximum: 200,
      default: 50,
    });
    expect(inlineParam(list, 'include')?.schema.items).toEqual({ type: 'string', enum: ['accountId'] });
    expect(inlineParam(list, 'sort')?.schema.items?.enum).toEqual(
      expect.arrayContaining(['title', '-createdAt']),
    );
    expect(inlineParam(list, 'sort')?.schema.items?.enum).not.toContain('amount'); // a $ref, not a column
    expect(inlineParam(list, 'sort')?.schema.items?.enum).not.toContain('tenantId');
    const filter = inlineParam(list, 'filter');
    expect(filter).toMatchObject({ style: 'deepObject', explode: true });
    expect(filter?.schema.properties?.probability?.anyOf).toMatchObject([
      { type: 'integer' },
      { properties: { gte: { type: 'integer' } } },
    ]);
    // a defaulted field is always stored, so it offers no isNull
    expect(operatorsOf(filter, 'probability')).not.toContain('isNull');
    expect(operatorsOf(filter, 'stage')).toEqual(['eq', 'ne', 'in']);
    expect(operatorsOf(filter, 'title')).toContain('contains');
    // accounts have no search fields and no relations
    const accountParams = operation('/accounts', 'get').parameters ?? [];
    expect(accountParams.some((p) => 'name' in p && (p.name === 'q' || p.name === 'include'))).toBe(false);
    expect(list.responses['200']).toMatchObject({
      description: 'A page of deals',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/DealPage' } } },
    });
  });

  it('declares the rate-limit and CORS headers on every answer, and Retry-After on a 429', () => {
    const standard = [
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
      'RateLimit-Policy',
      'Access-Control-Allow-Origin',
    ];
    const answers = operations().flatMap(([, , op]) => Object.entries(op.responses));
    expect(answers.length).toBeGreaterThan(50);
    for (const [status, answer] of answers) {
      const resolved =
        '$ref' in answer ? doc.components.responses[answer.$ref.split('/').pop() ?? ''] : answer;
      expect(Object.keys(resolved?.headers ?? {}), status).toEqual(expect.arrayContaining(standard));
    }
    expect(doc.components.responses.TooManyRequests?.headers?.['Retry-After']).toEqual({
      $ref: '#/components/headers/Retry-After',
    });
    expect(Object.keys(doc.components.headers)).toEqual(
      expect.arrayContaining([...standard, 'Retry-After', 'ETag', 'Location']),
    );
    // every header states its bound: none is an unbounded string or integer
    for (const header of Object.values(doc.components.headers)) {
      const { type, maxLength, maximum, format } = header.schema;
      if (type === 'string') expect(maxLength).toBeTypeOf('number');
      if (type === 'integer') expect([format, typeof maximum]).toEqual([expect.any(String), 'number']);
    }
  });

  it('bounds list parameters: at most 3 sort keys, no sort on long text, cursors as long as issued', () => {
    const list = operation('/deals', 'get');
    const sort = inlineParam(list, 'sort');
    expect(sort?.schema.maxItems).toBe(3);
    const cursor = doc.components.parameters.Cursor?.schema;
    expect(cursor?.maxLength).toBeGreaterThan(8000);
    expect(cursor?.maxLength).toBeLessThan(16_384);
    expect(schema('DealPage').properties?.nextCursor?.maxLength).toBe(cursor?.maxLength);
    expect(schema('DealPage').properties?.items?.maxItems).toBe(
      doc.components.parameters.PageSize?.schema.maximum,
    );
    // `notes` (10,000 characters) would make cursors too long; `title` (200) is sortable
    expect(sort?.schema.items?.enum).toEqual(expect.arrayContaining(['title', '-title']));
    expect(sort?.schema.items?.enum).not.toContain('notes');
    expect(inlineParam(list, 'fields')?.schema.maxItems).toBe(
      inlineParam(list, 'fields')?.schema.items?.enum?.length,
    );
  });

  it('returns Location and ETag on create and takes an Idempotency-Key', () => {
    const create = operation('/deals', 'post');
    expect(create.parameters).toEqual([{ $ref: '#/components/parameters/IdempotencyKey' }]);
    expect(create.requestBody?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/DealCreate',
    });
    expect(create.responses['201']).toMatchObject({
      headers: {
        Location: { $ref: '#/components/headers/Location' },
        ETag: { $ref: '#/components/headers/ETag' },
      },
    });
    const bulk = operation('/deals/bulk', 'post');
    expect(bulk.requestBody?.content['application/json']?.schema.properties?.items).toMatchObject({
      maxItems: 1000,
    });
  });

  it('patches with merge-patch+json under a required If-Match', () => {
    const update = operation('/deals/{id}', 'patch');
    expect(Object.keys(update.requestBody?.content ?? {})).toEqual(['application/merge-patch+json']);
    expect(update.parameters).toContainEqual({ $ref: '#/components/parameters/IfMatchRequired' });
    expect(doc.components.parameters.IfMatchRequired?.required).toBe(true);
    expect(Object.keys(update.responses)).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '412',
      '413',
      '422',
      '428',
      '429',
      '500',
    ]);
    expect(inlineParam(update, 'id')?.schema).toEqual({ type: 'string', format: 'uuid', maxLength: 36 });
  });

  it('deletes with an optional If-Match, restores soft-deleted records, and transitions workflows', () => {
    const del = operation('/deals/{id}', 'delete');
    expect(del.parameters).toContainEqual({ $ref: '#/components/parameters/IfMatch' });
    expect(Object.keys(del.responses)).toContain('204');
    expect(del.description).toBe(
      'Soft delete: the record is hidden and can be restored. 409 `RECORD_LOCKED` while `stage` is `won` or `lost`: a transition moves it out.',
    );
    expect(operation('/deals/{id}', 'patch').description).toContain('409 `RECORD_LOCKED` while `stage`');
    expect(operation('/accounts/{id}', 'patch').description).toBeUndefined();
    expect(doc.paths['/accounts/{id}/restore']).toBeUndefined();
    expect(doc.paths['/accounts/{id}/transition']).toBeUndefined();
    const transition = operation('/deals/{id}/transition', 'post');
    expect(transition.requestBody?.content['application/json']?.schema).toEqual({
      type: 'object',
      properties: { to: { type: 'string', enum: ['open', 'won', 'lost'], description: 'Target state' } },
      required: ['to'],
      additionalProperties: false,
    });
    expect(transition.responses).toMatchObject({
      '409': { $ref: '#/components/responses/Conflict' },
      '422': { $ref: '#/components/responses/UnprocessableContent' },
    });
  });

  it('shares RFC 9457 problem responses', () => {
    expect(Object.keys(doc.components.responses)).toEqual([
      'BadRequest',
      'Conflict',
      'Forbidden',
      'InternalError',
      'NotFound',
      'PayloadTooLarge',
      'PreconditionFailed',
      'PreconditionRequired',
      'TooManyRequests',
      'Unauthorized',
      'UnprocessableContent',
    ]);
    for (const response of Object.values(doc.components.responses)) {
      expect(response.content?.['application/problem+json']?.schema).toEqual({
        $ref: '#/components/schemas/Problem',
      });
    }
    expect(Object.keys(schema('Problem').properties ?? {})).toEqual(
      expect.arrayContaining([
        'type',
        'title',
        'status',
        'detail',
        'instance',
        'errors',
        'code',
        'requestId',
      ]),
    );
    expect(operation('/deals', 'get').responses['404']).toBeUndefined();
    expect(operation('/deals/{id}', 'get').responses['404']).toEqual({
      $ref: '#/components/responses/NotFound',
    });
  });

  it('declares the three security schemes as alternatives and a permission on every operation', () => {
    expect(doc.security).toEqual([{ session: [] }, { bearer: [] }, { apiKey: [] }]);
    expect(doc.components.securitySchemes).toEqual({
      apiKey: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-API-Key' }),
      bearer: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
      session: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'codexion_session' }),
    });
    const permissions = Object.fromEntries(
      operations().map(([, , op]) => [op.operationId, op['x-codexion-permission']]),
    );
    expect(permissions).toMatchObject({
      listDeals: 'crm:deal:read',
      createDeal: 'crm:deal:create',
      updateDeal: 'crm:deal:update',
      deleteDeal: 'crm:deal:delete',
      duplicateDeal: 'crm:deal:create',
    });
    expect(
      Object.entries(permissions).every(([id, p]) => typeof p === 'string' || id === 'confirmMeeting'),
    ).toBe(true);
  });

  it('marks a public action callable without credentials, with no permission and no 401 or 403', () => {
    const confirm = operation('/meetings/confirm', 'post');
    expect(confirm.security).toEqual([{}]);
    expect(confirm['x-codexion-permission']).toBeUndefined();
    expect(Object.keys(confirm.responses).sort()).toEqual([
      '204',
      '400',
      '404',
      '409',
      '413',
      '422',
      '429',
      '500',
    ]);
    expect(
      operations()
        .filter(([, , op]) => op.security !== undefined)
        .map(([, , op]) => op.operationId),
    ).toEqual(['confirmMeeting']);
  });

  it('maps action path params to uuid and GET requests to query params', () => {
    const duplicate = operation('/deals/{id}/duplicate', 'post');
    expect(duplicate.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid', maxLength: 36 } },
    ]);
    expect(duplicate.description).toBe('Copies a deal, with a new title, into the open stage.');
    const forecast = operation('/forecast', 'get');
    expect(forecast.requestBody).toBeUndefined();
    expect(forecast.parameters).toEqual([
      {
        name: 'quarter',
        in: 'query',
        description: 'e.g. 2026-Q1',
        required: true,
        schema: { type: 'string', pattern: '^[0-9]{4}-Q[1-4]$', description: 'e.g. 2026-Q1' },
      },
    ]);
  });

  it('gives a table with `api: false` no endpoints and no component', () => {
    const app = testAppModel();
    const account = app.entities.find((e) => e.name === 'account');
    if (account === undefined) throw new Error('the test model has no account');
    account.annotations = { ...account.annotations, api: false };
    const built = buildOpenApi(app);
    expect(Object.keys(built.paths).filter((path) => path.startsWith('/accounts'))).toEqual([]);
    expect(built.components.schemas.Account).toBeUndefined();
    expect(built.components.schemas.AccountCreate).toBeUndefined();
    expect(built.components.schemas.AccountPage).toBeUndefined();
    // the other tables keep theirs
    expect(Object.keys(built.paths)).toContain('/deals');
  });

  it('is deterministic, whatever the order of entities and actions', () => {
    const first = JSON.stringify(buildOpenApi(testAppModel()));
    expect(JSON.stringify(buildOpenApi(testAppModel()))).toBe(first);
    const shuffled = testAppModel();
    shuffled.entities.reverse();
    shuffled.actions.reverse();
    expect(JSON.stringify(buildOpenApi(shuffled))).toBe(first);
  });

  it('does not alias or mutate the model', () => {
    const app = testAppModel();
    const before = JSON.stringify(app);
    const built = buildOpenApi(app);
    expect(JSON.stringify(app)).toBe(before);
    expect(built.components.schemas.Address).not.toBe(app.entities.find((e) => e.name === 'address')?.schema);
  });
});
