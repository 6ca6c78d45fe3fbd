import {
  buildOpenApi,
  type JsonSchema,
  type OpenApiDocument,
  type OpenApiOperation,
  type OpenApiParameter,
  problemMediaType,
  withStandardResponseHeaders,
} from '@codexion/schema';

type OpenApiResponse = OpenApiDocument['components']['responses'][string];

/** Where the tenant administration API is mounted: `/api/<name>`. */
export const tenancyApiName = 'tenancy';

const uuid: JsonSchema = { type: 'string', format: 'uuid', maxLength: 36 };
const roleKey: JsonSchema = { type: 'string', pattern: '^[a-z][a-z0-9-]{0,62}$', maxLength: 63 };
const permissionName: JsonSchema = {
  type: 'string',
  pattern: '^[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*){1,3}$|^[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*){0,2}:\\*$',
  maxLength: 200,
};
const timestamp: JsonSchema = { type: 'string', format: 'date-time', maxLength: 40 };
/** what the lists answer at most: the services cut there */
export const tenancyListLimit = 10_000;

const schemas: Record<string, JsonSchema> = {
  Tenant: {
    type: 'object',
    description: 'A tenant: an organisation whose data is isolated from every other’s.',
    properties: {
      id: uuid,
      name: { type: 'string', maxLength: 200 },
      slug: { type: 'string', maxLength: 100 },
      status: { type: 'string', enum: ['active', 'suspended'] },
      createdAt: timestamp,
      updatedAt: timestamp,
    },
    required: ['id', 'name', 'slug', 'status', 'createdAt', 'updatedAt'],
    additionalProperties: false,
  },
  Member: {
    type: 'object',
    description: 'A user with a role in the tenant.',
    properties: {
      userId: uuid,
      email: { type: 'string', maxLength: 320 },
      name: { type: 'string', maxLength: 200 },
      role: roleKey,
      since: timestamp,
    },
    required: ['userId', 'email', 'name', 'role', 'since'],
    additionalProperties: false,
  },
  Role: {
    type: 'object',
    description:
      'A role: one of the four built-in ones (owner, admin, member, viewer; permissions from the installed apps) or one of the tenant’s own with an explicit permission set.',
    properties: {
      key: roleKey,
      name: { type: 'string', maxLength: 100 },
      description: { type: ['string', 'null'], maxLength: 500 },
      builtIn: { type: 'boolean' },
      // a built-in role holds the whole catalogue: every installed app's permissions
      permissions: { type: 'array', maxItems: tenancyListLimit, items: { type: 'string', maxLength: 200 } },
      members: { type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647 },
    },
    required: ['key', 'name', 'description', 'builtIn', 'permissions', 'members'],
    additionalProperties: false,
  },
  Permission: {
    type: 'object',
    properties: {
      name: { type: 'string', maxLength: 200 },
      kind: { type: 'string', enum: ['crud', 'action', 'field', 'pii', 'framework'] },
      app: { type: 'string', maxLength: 64 },
      description: { type: 'string', maxLength: 2000 },
    },
    required: ['name', 'kind', 'app'],
    additionalProperties: false,
  },
  Membership: {
    type: 'object',
    description: 'One of the caller’s tenants.',
    properties: {
      tenantId: uuid,
      tenantName: { type: 'string', maxLength: 200 },
      tenantSlug: { type: 'string', maxLength: 100 },
      tenantStatus: { type: 'string', enum: ['active', 'suspended'] },
      role: roleKey,
      roleName: { type: 'string', maxLength: 100 },
    },
    required: ['tenantId', 'tenantName', 'tenantSlug', 'tenantStatus', 'role', 'roleName'],
    additionalProperties: false,
  },
};

function problem(description: string): OpenApiResponse {
  return {
    description,
    content: { [problemMediaType]: { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

const responses: Record<string, OpenApiResponse> = {
  BadRequest: problem('Bad request: malformed syntax, or a parameter is invalid'),
  Unauthorized: problem('Not authenticated: no valid session, bearer token or API key'),
  Forbidden: problem(
    'Lacking the permission the operation needs, granting what the caller does not hold, or the tenant is suspended',
  ),
  NotFound: problem('No such member or role in the tenant'),
  Conflict: problem(
    'Already a member or role, the role is still in use, or the tenant would lose its last owner',
  ),
  UnprocessableContent: problem('The body has invalid fields (`errors` names each by JSON Pointer)'),
  TooManyRequests: problem('Rate limit exceeded: wait `Retry-After` seconds'),
  InternalError: problem('Unexpected server error; quote `requestId` when reporting it'),
};

const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });
const errors = (...extra: string[]) => ({
  '400': ref('BadRequest'),
  '401': ref('Unauthorized'),
  '403': ref('Forbidden'),
  ...Object.fromEntries(
    extra.map((name) => [
      { NotFound: '404', Conflict: '409', UnprocessableContent: '422' }[name] ?? '500',
      ref(name),
    ]),
  ),
  '429': ref('TooManyRequests'),
  '500': ref('InternalError'),
});

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const ok = (description: string, schema: JsonSchema) => ({ '200': { description, content: json(schema) } });
const schemaRef = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const listOf = (name: string): JsonSchema => ({
  type: 'object',
  properties: { items: { type: 'array', maxItems: tenancyListLimit, items: schemaRef(name) } },
  required: ['items'],
  additionalProperties: false,
});
const body = (schema: JsonSchema) => ({ required: true, content: json(schema) });
/** PATCH bodies are JSON Merge Patches (RFC 7396), as the apps' updates are */
const patch = (schema: JsonSchema) => ({
  required: true,
  content: { 'application/merge-patch+json': { schema } },
});
const noContent = { '204': { description: 'Done' } };

const userIdParameter: OpenApiParameter = {
  name: 'userId',
  in: 'path',
  required: true,
  description: 'The member’s user id.',
  schema: uuid,
};
const keyParameter: OpenApiParameter = {
  name: 'key',
  in: 'path',
  required: true,
  description: 'The role’s key.',
  schema: roleKey,
};

function op(
  operationId: string,
  summary: string,
  permission: string,
  rest: Omit<OpenApiOperation, 'operationId' | 'summary' | 'x-codexion-permission' | 'tags'>,
): OpenApiOperation {
  return { operationId, summary, tags: ['Tenancy'], 'x-codexion-permission': permission, ...rest };
}

const roleFields = {
  name: { type: 'string', minLength: 1, maxLength: 100 },
  description: { type: ['string', 'null'], maxLength: 500 },
  permissions: { type: 'array', maxItems: 500, items: permissionName },
} satisfies Record<string, JsonSchema>;

/** What every app's document has too (Problem, security schemes): built the same way, so equal. */
const base = buildOpenApi({
  manifest: { name: tenancyApiName, version: '0.1.0', title: 'Tenancy', framework: '*' },
  entities: [],
  actions: [],
});

/**
 * The tenant administration API's OpenAPI document, mounted at `/api/tenancy` and merged into
 * `/api/openapi.json`. Every operation acts on the caller's tenant and names the `prefiq:*`
 * permission it needs.
 *
 * @example
 * tenancyOpenApi.paths['/roles']?.post?.operationId // 'createRole'
 */
export const tenancyOpenApi: OpenApiDocument = withStandardResponseHeaders({
  openapi: '3.1.0',
  info: {
    title: 'Tenancy',
    version: '0.1.0',
    description:
      'The caller’s tenant, its members and their roles, and the roles’ permissions. Permission and role changes are audited.',
  },
  servers: base.servers,
  security: base.security,
  tags: [{ name: 'Tenancy', description: 'Tenant, members, roles and permissions.' }],
  paths: {
    '/tenant': {
      get: op('getTenant', 'The current tenant', 'prefiq:tenant:read', {
        responses: { ...ok('The tenant', schemaRef('Tenant')), ...errors() },
      }),
      patch: op('updateTenant', 'Rename the tenant', 'prefiq:tenant:update', {
        requestBody: patch({
          type: 'object',
          properties: { name: { type: 'string', minLength: 1, maxLength: 200 } },
          required: ['name'],
          additionalProperties: false,
        }),
        responses: { ...ok('The renamed tenant', schemaRef('Tenant')), ...errors('UnprocessableContent') },
      }),
    },
    '/tenant/suspend': {
      post: op('suspendTenant', 'Suspend the tenant', 'prefiq:tenant:suspend', {
        description:
          'Every later request in the tenant is refused (403 TENANT_SUSPENDED) until an operator reactivates it.',
        responses: { ...ok('The suspended tenant', schemaRef('Tenant')), ...errors() },
      }),
    },
    '/tenant/transfer': {
      post: op('transferOwnership', 'Transfer the ownership', 'prefiq:tenant:transfer', {
        description: 'The member named becomes owner; the caller becomes admin.',
        requestBody: body({
          type: 'object',
          properties: { userId: uuid },
          required: ['userId'],
          additionalProperties: false,
        }),
        responses: { ...noContent, ...errors('NotFound', 'Conflict', 'UnprocessableContent') },
      }),
    },
    '/memberships': {
      get: op('listMyMemberships', 'The caller’s tenants', 'prefiq:tenant:read', {
        responses: { ...ok('Every tenant the caller belongs to', listOf('Membership')), ...errors() },
      }),
    },
    '/members': {
      get: op('listMembers', 'List the members', 'prefiq:member:read', {
        responses: { ...ok('The tenant’s members', listOf('Member')), ...errors() },
      }),
      // no POST: people join a tenant by accepting an invitation (the host's), never by an id alone
    },
    '/members/{userId}': {
      patch: op('changeMemberRole', 'Change a member’s role', 'prefiq:member:update', {
        parameters: [userIdParameter],
        requestBody: patch({
          type: 'object',
          properties: { role: roleKey },
          required: ['role'],
          additionalProperties: false,
        }),
        responses: { ...noContent, ...errors('NotFound', 'Conflict', 'UnprocessableContent') },
      }),
      delete: op('removeMember', 'Remove a member', 'prefiq:member:delete', {
        parameters: [userIdParameter],
        responses: { ...noContent, ...errors('NotFound', 'Conflict') },
      }),
    },
    '/roles': {
      get: op('listRoles', 'List the roles', 'prefiq:role:read', {
        responses: { ...ok('The built-in roles, then the tenant’s own', listOf('Role')), ...errors() },
      }),
      post: op('createRole', 'Create a role', 'prefiq:role:create', {
        description: 'A custom role with an explicit permission set, each one held by the caller.',
        requestBody: body({
          type: 'object',
          properties: { key: roleKey, ...roleFields },
          required: ['key', 'name', 'permissions'],
          additionalProperties: false,
        }),
        responses: {
          '201': { description: 'The new role', content: json(schemaRef('Role')) },
          ...errors('Conflict', 'UnprocessableContent'),
        },
      }),
    },
    '/roles/{key}': {
      get: op('getRole', 'One role', 'prefiq:role:read', {
        parameters: [keyParameter],
        responses: { ...ok('The role', schemaRef('Role')), ...errors('NotFound') },
      }),
      patch: op('updateRole', 'Change a custom role', 'prefiq:role:update', {
        parameters: [keyParameter],
        requestBody: patch({ type: 'object', properties: roleFields, additionalProperties: false }),
        responses: { ...ok('The role', schemaRef('Role')), ...errors('NotFound', 'UnprocessableContent') },
      }),
      delete: op('deleteRole', 'Delete a custom role', 'prefiq:role:delete', {
        parameters: [keyParameter],
        responses: { ...noContent, ...errors('NotFound', 'Conflict') },
      }),
    },
    '/roles/{key}/permissions': {
      put: op('setRolePermissions', 'Replace a custom role’s permissions', 'prefiq:role:update', {
        parameters: [keyParameter],
        requestBody: body({
          type: 'object',
          properties: { permissions: roleFields.permissions },
          required: ['permissions'],
          additionalProperties: false,
        }),
        responses: { ...ok('The role', schemaRef('Role')), ...errors('NotFound', 'UnprocessableContent') },
      }),
    },
    '/permissions': {
      get: op('listPermissions', 'The permission catalogue', 'prefiq:role:read', {
        description: 'Every permission of the installed apps and the framework, for building roles.',
        responses: { ...ok('The catalogue', listOf('Permission')), ...errors() },
      }),
    },
  },
  components: {
    ...base.components,
    schemas: { ...base.components.schemas, ...schemas },
    responses: { ...base.components.responses, ...responses },
  },
});
