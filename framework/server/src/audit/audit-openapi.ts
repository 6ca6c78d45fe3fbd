import {
  buildOpenApi,
  type JsonSchema,
  type OpenApiDocument,
  type OpenApiParameter,
  problemResponses,
  withStandardResponseHeaders,
} from '@codexion/schema';

/** The permission both audit operations need. */
export const auditReadPermission = 'prefiq:audit:read';

/** Where the audit API is mounted: `/api/<name>`. */
export const auditApiName = 'audit';

const hash: JsonSchema = { type: 'string', pattern: '^[0-9a-f]{64}$', maxLength: 64 };
const dateTime: JsonSchema = { type: 'string', format: 'date-time', maxLength: 40 };

const auditEntrySchema: JsonSchema = {
  type: 'object',
  description:
    'One audit log entry: who did what to which record, when, with the fields it changed (personal data masked) and its place in the tenant’s hash chain.',
  properties: {
    tenantId: { type: 'string', format: 'uuid', maxLength: 36 },
    seq: {
      type: 'integer',
      format: 'int64',
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'Position in the tenant’s chain: 1, 2, 3, … without gaps',
    },
    at: { ...dateTime, description: 'Time of the transaction that made the change' },
    actorType: { type: 'string', enum: ['user', 'api_key', 'system'] },
    actor: { type: 'string', maxLength: 200, description: 'The user’s id, the API key’s id, or `system`' },
    action: {
      type: 'string',
      maxLength: 63,
      description: 'create, update, delete, restore, transition, login, login_failed, logout, …',
    },
    entity: {
      type: ['string', 'null'],
      maxLength: 200,
      description: '`<app>.<entity>`, e.g. `sales.account`',
    },
    recordId: { type: ['string', 'null'], maxLength: 200 },
    diff: {
      type: ['object', 'null'],
      description:
        'The changed fields only, each with its value `before` and `after` (a side is absent where the field was); personal data is `[redacted]`',
      // a record's fields, its custom fields included
      maxProperties: 1000,
      additionalProperties: {
        type: 'object',
        properties: { before: {}, after: {} },
        additionalProperties: false,
      },
    },
    requestId: { type: ['string', 'null'], maxLength: 200 },
    // written by the framework: the client address, the user agent, what a sign-in used
    metadata: { type: ['object', 'null'], maxProperties: 100, additionalProperties: true },
    prevHash: { ...hash, description: 'hash of the previous entry of the chain; 64 zeros for the first' },
    hash: { ...hash, description: 'sha256(prevHash ‖ canonical entry), hex' },
  },
  required: [
    'tenantId',
    'seq',
    'at',
    'actorType',
    'actor',
    'action',
    'entity',
    'recordId',
    'diff',
    'requestId',
    'metadata',
    'prevHash',
    'hash',
  ],
  additionalProperties: false,
};

/** A time the chain writes: ISO 8601 UTC with milliseconds. */
const chainTime: JsonSchema = { type: 'string', format: 'date-time', maxLength: 32 };

const auditSealingSchema: JsonSchema = {
  type: 'object',
  description:
    'What the tenant’s chain does not hold yet. Entries are sealed into the chain right after their change commits, so `pending` is normally 0; an entry that cannot be sealed stops the chain at it (`stuck`): it and every entry after it wait, in order, and are not in `items` until an operator resolves it.',
  properties: {
    pending: {
      type: 'integer',
      format: 'int64',
      minimum: 0,
      maximum: 9007199254740991,
      description: 'Entries of the tenant committed but not in the chain yet (so not listed)',
    },
    stuck: {
      type: ['object', 'null'],
      description: 'The entry the chain waits at, when one could not be sealed; `null` otherwise',
      properties: {
        since: { ...chainTime, description: 'When it first failed to seal' },
        attempts: {
          type: 'integer',
          format: 'int32',
          minimum: 1,
          maximum: 2147483647,
          description: 'How often sealing it failed',
        },
        retryAt: { ...chainTime, description: 'When the sealer tries it again' },
        error: {
          type: 'string',
          maxLength: 500,
          description: 'Why: the column and the rule it broke, never its content',
        },
      },
      required: ['since', 'attempts', 'retryAt', 'error'],
      additionalProperties: false,
    },
  },
  required: ['pending', 'stuck'],
  additionalProperties: false,
};

const auditPageSchema: JsonSchema = {
  type: 'object',
  description: 'One page of audit log entries, newest first.',
  properties: {
    items: { type: 'array', maxItems: 200, items: { $ref: '#/components/schemas/AuditEntry' } },
    nextCursor: {
      type: ['string', 'null'],
      maxLength: 64,
      description: 'Cursor of the next (older) page; `null` on the last page',
    },
    sealing: { $ref: '#/components/schemas/AuditSealing' },
  },
  required: ['items', 'nextCursor', 'sealing'],
  additionalProperties: false,
};

// the apps' own, so the merged document shares one copy of each
const responses = {
  BadRequest: problemResponses.BadRequest,
  Unauthorized: problemResponses.Unauthorized,
  Forbidden: problemResponses.Forbidden,
  TooManyRequests: problemResponses.TooManyRequests,
  InternalError: problemResponses.InternalError,
};

const errorResponses = {
  '400': { $ref: '#/components/responses/BadRequest' },
  '401': { $ref: '#/components/responses/Unauthorized' },
  '403': { $ref: '#/components/responses/Forbidden' },
  '429': { $ref: '#/components/responses/TooManyRequests' },
  '500': { $ref: '#/components/responses/InternalError' },
};

const entityPattern = '^[a-z][a-z0-9_-]*\\.[a-z][a-z0-9_-]*$';

const pageParameters: OpenApiParameter[] = [
  {
    name: 'cursor',
    in: 'query',
    description: 'The `nextCursor` of the previous page.',
    schema: { type: 'string', minLength: 1, maxLength: 64 },
  },
  {
    name: 'pageSize',
    in: 'query',
    description: 'Entries per page.',
    schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 200, default: 50 },
  },
];

const page = (description: string) => ({
  '200': {
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/AuditLogPage' } } },
  },
  ...errorResponses,
});

/** What every app's document has too (Problem, security schemes): built the same way, so equal. */
const base = buildOpenApi({
  manifest: { name: auditApiName, version: '0.1.0', title: 'Audit log', framework: '*' },
  entities: [],
  actions: [],
});

/**
 * The audit API's OpenAPI document, mounted at `/api/audit` and merged into `/api/openapi.json`.
 *
 * @example
 * auditOpenApi.paths['/log']?.get?.operationId // 'listAuditLog'
 */
export const auditOpenApi: OpenApiDocument = withStandardResponseHeaders({
  openapi: '3.1.0',
  info: {
    title: 'Audit log',
    version: '0.1.0',
    // the framework's own license (package.json)
    license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    description:
      'Every write, sign-in and permission change, append-only and hash-chained per tenant. Reads the caller’s tenant only.',
  },
  servers: base.servers,
  security: base.security,
  tags: [{ name: 'Audit', description: 'The tenant’s audit log and the history of its records.' }],
  paths: {
    '/log': {
      get: {
        operationId: 'listAuditLog',
        summary: 'List audit log entries',
        description:
          'The tenant’s audit log, newest first, filtered by actor, entity, record, action and time; keyset-paged.',
        tags: ['Audit'],
        'x-codexion-permission': auditReadPermission,
        parameters: [
          {
            name: 'actor',
            in: 'query',
            description: 'A user id, an API key id, or `system`.',
            schema: { type: 'string', minLength: 1, maxLength: 200 },
          },
          {
            name: 'entity',
            in: 'query',
            description: '`<app>.<entity>`, e.g. `sales.account`.',
            schema: { type: 'string', pattern: entityPattern, maxLength: 200 },
          },
          {
            name: 'recordId',
            in: 'query',
            description: 'The record’s id.',
            schema: { type: 'string', minLength: 1, maxLength: 200 },
          },
          {
            name: 'action',
            in: 'query',
            description: 'Comma-separated actions; entries with any of them.',
            style: 'form',
            explode: false,
            schema: {
              type: 'array',
              minItems: 1,
              maxItems: 20,
              uniqueItems: true,
              items: { type: 'string', pattern: '^[a-z][a-z0-9_.]{0,62}$', maxLength: 63 },
            },
          },
          {
            name: 'from',
            in: 'query',
            description: 'Entries at or after this time.',
            schema: dateTime,
          },
          {
            name: 'to',
            in: 'query',
            description: 'Entries before this time; not before `from`.',
            schema: dateTime,
          },
          ...pageParameters,
        ],
        responses: page('A page of audit log entries'),
      },
    },
    '/records/{entity}/{id}/history': {
      get: {
        operationId: 'getAuditRecordHistory',
        summary: 'History of a record',
        description:
          'Every audit entry of one record, newest first; empty when nothing was recorded (or the record is another tenant’s).',
        tags: ['Audit'],
        'x-codexion-permission': auditReadPermission,
        parameters: [
          {
            name: 'entity',
            in: 'path',
            required: true,
            description: '`<app>.<entity>`, e.g. `sales.account`.',
            schema: { type: 'string', pattern: entityPattern, maxLength: 200 },
          },
          {
            name: 'id',
            in: 'path',
            required: true,
            description: 'The record’s id.',
            schema: { type: 'string', minLength: 1, maxLength: 200 },
          },
          ...pageParameters,
        ],
        responses: page('A page of the record’s audit entries'),
      },
    },
  },
  components: {
    ...base.components,
    schemas: {
      ...base.components.schemas,
      AuditEntry: auditEntrySchema,
      AuditLogPage: auditPageSchema,
      AuditSealing: auditSealingSchema,
    },
    responses,
  },
});
