import {
  type JsonSchema,
  type OpenApiDocument,
  type OpenApiOperation,
  type OpenApiParameter,
  problemMediaType,
  problemSchema,
  securitySchemes,
  withStandardResponseHeaders,
} from '@codexion/schema';

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const uuid: JsonSchema = { type: 'string', format: 'uuid', maxLength: 36 };
const dateTime: JsonSchema = { type: 'string', format: 'date-time', maxLength: 40 };
const nullableDateTime: JsonSchema = { ...dateTime, type: ['string', 'null'] };
const nullableUuid: JsonSchema = { ...uuid, type: ['string', 'null'] };
/** seconds a token or challenge is valid */
const seconds: JsonSchema = { type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647 };
/** sign-in methods of a session (RFC 8176 `amr` values: `pwd`, `otp`, ...) */
const amr: JsonSchema = { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 32 } };
/** role keys of the tenant */
const roles: JsonSchema = { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 64 } };
/** every permission of every app at most */
const permissions: JsonSchema = { type: 'array', maxItems: 10000, items: { type: 'string', maxLength: 200 } };
const email: JsonSchema = { type: 'string', format: 'email', maxLength: 320 };
/** long enough for any passphrase; the policy (auth.password) is checked by the service */
const password: JsonSchema = { type: 'string', minLength: 1, maxLength: 4096 };
const secretToken: JsonSchema = { type: 'string', minLength: 16, maxLength: 512 };
const totpCode: JsonSchema = {
  type: 'string',
  pattern: '^[0-9]{6}$',
  maxLength: 6,
  description: 'six digits from the app',
};
const recoveryCode: JsonSchema = {
  type: 'string',
  pattern: '^[A-Za-z2-7]{4}-?[A-Za-z2-7]{4}-?[A-Za-z2-7]{4}-?[A-Za-z2-7]{4}$',
  maxLength: 19,
  description: 'one of the recovery codes shown at enrollment',
};
const mode: JsonSchema = {
  type: 'string',
  enum: ['cookie', 'token'],
  default: 'cookie',
  description:
    '`cookie` (browsers): session, refresh and CSRF cookies; `token` (other clients): a JWT access token and a refresh token in the body',
};
const scope: JsonSchema = {
  type: 'string',
  pattern: '^(\\*|[a-z][a-z0-9-]*:(\\*|[a-z][a-z0-9-]*:(\\*|[a-z][a-z0-9-]*)))$',
  maxLength: 200,
  description: 'a permission (`crm:deal:read`) or a wildcard (`crm:deal:*`, `crm:*`)',
};
const object = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

const apiKeyProperties: Record<string, JsonSchema> = {
  id: uuid,
  name: { type: 'string', maxLength: 100 },
  prefix: { type: 'string', maxLength: 32, description: 'the public start of the key, to recognize it' },
  tenantId: uuid,
  scopes: { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 200 } },
  createdAt: dateTime,
  expiresAt: nullableDateTime,
  lastUsedAt: nullableDateTime,
  revokedAt: nullableDateTime,
};
const apiKeyRequired = Object.keys(apiKeyProperties);

/** exactly one of the two (each branch names its property, as Ajv's strict mode wants) */
const codeOrRecoveryCode: JsonSchema[] = [
  { properties: { code: totpCode }, required: ['code'] },
  { properties: { recoveryCode }, required: ['recoveryCode'] },
];

const schemas: Record<string, JsonSchema> = {
  Problem: problemSchema,
  User: object(
    {
      id: uuid,
      email: { type: 'string', maxLength: 320 },
      name: { type: 'string', maxLength: 200 },
      status: { type: 'string', enum: ['active', 'invited', 'disabled'] },
      emailVerified: { type: 'boolean' },
      mfaEnabled: { type: 'boolean' },
      createdAt: dateTime,
    },
    ['id', 'email', 'name', 'status', 'emailVerified', 'mfaEnabled', 'createdAt'],
  ),
  LoginRequest: object(
    { email, password, mode, tenantId: { ...uuid, description: 'start in this tenant (one of yours)' } },
    ['email', 'password'],
  ),
  MfaVerifyRequest: {
    ...object({ challengeToken: secretToken, code: totpCode, recoveryCode, mode }, ['challengeToken']),
    oneOf: codeOrRecoveryCode,
  },
  SignedIn: object(
    {
      status: { const: 'signed_in' },
      user: ref('User'),
      session: object(
        {
          id: uuid,
          expiresAt: { ...dateTime, description: 'the sign-in ends then at the latest' },
          tenantId: nullableUuid,
        },
        ['id', 'expiresAt', 'tenantId'],
      ),
      csrfToken: {
        type: 'string',
        maxLength: 512,
        description: 'cookie mode: echo it in X-CSRF-Token on unsafe requests',
      },
      tokenType: { const: 'Bearer' },
      accessToken: {
        type: 'string',
        maxLength: 4096,
        description: 'token mode: a JWT (typ at+jwt) for Authorization: Bearer',
      },
      expiresIn: { ...seconds, description: 'token mode: seconds the access token is valid' },
      refreshToken: {
        type: 'string',
        maxLength: 512,
        description: 'token mode: for POST /api/auth/refresh; single use',
      },
    },
    ['status', 'user', 'session'],
  ),
  MfaRequired: object(
    {
      status: { const: 'mfa_required' },
      challengeToken: { type: 'string', maxLength: 512, description: 'for POST /api/auth/mfa/verify' },
      expiresIn: seconds,
      methods: { type: 'array', maxItems: 2, items: { type: 'string', enum: ['totp', 'recovery_code'] } },
    },
    ['status', 'challengeToken', 'expiresIn', 'methods'],
  ),
  RefreshRequest: object({
    refreshToken: { ...secretToken, description: 'token mode; cookie mode sends the refresh cookie instead' },
  }),
  Refreshed: object(
    {
      session: object({ id: uuid, expiresAt: dateTime }, ['id', 'expiresAt']),
      tokenType: { const: 'Bearer' },
      accessToken: { type: 'string', maxLength: 4096 },
      expiresIn: seconds,
      refreshToken: { type: 'string', maxLength: 512 },
    },
    ['session'],
  ),
  Me: object(
    {
      user: ref('User'),
      authMethod: { type: 'string', enum: ['cookie', 'bearer', 'api_key'] },
      sessionId: nullableUuid,
      amr,
      tenantId: nullableUuid,
      roles,
      permissions,
    },
    ['user', 'authMethod', 'sessionId', 'amr', 'tenantId', 'roles', 'permissions'],
  ),
  SwitchTenantRequest: object({ tenantId: uuid }, ['tenantId']),
  TenantSwitched: object(
    {
      tenantId: uuid,
      roles,
      permissions,
      accessToken: {
        type: 'string',
        maxLength: 4096,
        description: 'bearer clients: a token for the new tenant',
      },
      expiresIn: seconds,
    },
    ['tenantId', 'roles', 'permissions'],
  ),
  SessionInfo: object(
    {
      id: uuid,
      current: { type: 'boolean' },
      tenantId: nullableUuid,
      amr,
      // an IPv6 address with a zone fits; the session store keeps 512 characters of a User-Agent
      ip: { type: ['string', 'null'], maxLength: 64 },
      userAgent: { type: ['string', 'null'], maxLength: 512 },
      createdAt: dateTime,
      lastSeenAt: dateTime,
      expiresAt: dateTime,
    },
    ['id', 'current', 'tenantId', 'amr', 'ip', 'userAgent', 'createdAt', 'lastSeenAt', 'expiresAt'],
  ),
  // the session store lists the 200 most recently used
  SessionList: object({ items: { type: 'array', maxItems: 200, items: ref('SessionInfo') } }, ['items']),
  EmailRequest: object({ email }, ['email']),
  ResetPasswordRequest: object({ token: secretToken, password }, ['token', 'password']),
  ChangePasswordRequest: object({ currentPassword: password, newPassword: password }, [
    'currentPassword',
    'newPassword',
  ]),
  TokenRequest: object({ token: secretToken }, ['token']),
  MfaEnrollRequest: object({ password: { ...password, description: 'required when the account has one' } }),
  MfaEnrollment: object(
    {
      secret: { type: 'string', maxLength: 128, description: 'Base32, for manual entry' },
      otpauthUri: { type: 'string', maxLength: 2048, description: 'otpauth://totp/… for a QR code' },
    },
    ['secret', 'otpauthUri'],
  ),
  MfaConfirmRequest: object({ code: totpCode }, ['code']),
  RecoveryCodes: object(
    {
      recoveryCodes: {
        type: 'array',
        maxItems: 20,
        items: { type: 'string', maxLength: 19 },
        description: 'shown once: store them safely',
      },
    },
    ['recoveryCodes'],
  ),
  MfaDisableRequest: {
    ...object({ password, code: totpCode, recoveryCode }),
    oneOf: codeOrRecoveryCode,
  },
  NewApiKey: object(
    {
      name: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
      scopes: { type: 'array', items: scope, minItems: 1, maxItems: 100, uniqueItems: true },
      expiresAt: dateTime,
    },
    ['name', 'scopes'],
  ),
  ApiKey: object(apiKeyProperties, apiKeyRequired),
  CreatedApiKey: object(
    {
      ...apiKeyProperties,
      key: { type: 'string', maxLength: 128, description: 'the key itself: shown this once, never again' },
    },
    [...apiKeyRequired, 'key'],
  ),
  ApiKeyList: object(
    {
      items: { type: 'array', items: ref('ApiKey'), maxItems: 100 },
      nextCursor: {
        type: ['string', 'null'],
        maxLength: 128,
        description: 'the `cursor` of the next page; `null` on the last',
      },
    },
    ['items', 'nextCursor'],
  ),
  AuthProviders: object(
    {
      password: { type: 'boolean', description: 'whether email and password sign-in is offered' },
      providers: {
        type: 'array',
        maxItems: 100,
        description: 'the single sign-on providers (auth.oidc.providers), in key order',
        items: object(
          {
            id: {
              type: 'string',
              maxLength: 64,
              description: 'the key: GET /oidc/{id}/start signs in with it',
            },
            name: { type: 'string', maxLength: 200, description: 'what the sign-in button says' },
          },
          ['id', 'name'],
        ),
      },
    },
    ['password', 'providers'],
  ),
  Jwks: {
    type: 'object',
    // the signing key and the keys it replaced that tokens may still carry
    properties: { keys: { type: 'array', maxItems: 20, items: { type: 'object', maxProperties: 20 } } },
    required: ['keys'],
  },
};

const errorText: Record<number, string> = {
  400: 'Bad request: malformed JSON or parameter',
  401: 'Not authenticated, or the credentials are wrong (WWW-Authenticate says how)',
  403: 'Refused: CSRF check failed (cookie sessions need X-CSRF-Token), or not allowed',
  404: 'No such thing of yours',
  409: 'Not possible in the current state',
  415: 'The body must be application/json',
  422: 'Invalid fields, listed in `errors` with their paths',
  429: 'Too many requests or failed sign-ins: wait Retry-After seconds (RateLimit-* headers say more)',
  500: 'Unexpected server error; quote `requestId` when reporting it',
};

type Security = 'public' | 'user' | 'any';
const securityOf: Record<Security, Record<string, string[]>[]> = {
  // the empty requirement: callable without credentials (OpenAPI's way to say anonymous access is allowed)
  public: [{}],
  user: [{ session: [] }, { bearer: [] }],
  any: [{ session: [] }, { bearer: [] }, { apiKey: [] }],
};

interface OperationSpec {
  id: string;
  summary: string;
  description?: string;
  tag: string;
  security: Security;
  body?: string;
  bodyRequired?: boolean;
  parameters?: OpenApiParameter[];
  ok: { status: number; description: string; schema?: string; headers?: Record<string, string> };
  errors: number[];
}

const userOperations = new Set<string>();
const credentialOperations = new Set<string>();

function operation(spec: OperationSpec): OpenApiOperation {
  if (spec.security === 'user') userOperations.add(spec.id);
  if (spec.security === 'any') credentialOperations.add(spec.id);
  const responses: OpenApiOperation['responses'] = {
    [String(spec.ok.status)]: {
      description: spec.ok.description,
      ...(spec.ok.headers === undefined
        ? {}
        : {
            headers: Object.fromEntries(
              Object.entries(spec.ok.headers).map(([name, description]) => [
                name,
                { description, schema: { type: 'string', maxLength: 4096 } },
              ]),
            ),
          }),
      ...(spec.ok.schema === undefined
        ? {}
        : { content: { 'application/json': { schema: ref(spec.ok.schema) } } }),
    },
  };
  for (const status of [...spec.errors, 429, 500].sort()) {
    responses[String(status)] = {
      description: errorText[status] ?? 'Error',
      content: { [problemMediaType]: { schema: ref('Problem') } },
    };
  }
  return {
    operationId: spec.id,
    summary: spec.summary,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    tags: [spec.tag],
    ...(spec.parameters === undefined ? {} : { parameters: spec.parameters }),
    ...(spec.body === undefined
      ? {}
      : {
          requestBody: {
            required: spec.bodyRequired ?? true,
            content: { 'application/json': { schema: ref(spec.body) } },
          },
        }),
    responses,
    security: securityOf[spec.security],
  };
}

const idParameter = (description: string): OpenApiParameter => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: uuid,
});
const providerParameter: OpenApiParameter = {
  name: 'provider',
  in: 'path',
  required: true,
  description: 'a provider of auth.oidc.providers',
  schema: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 64 },
};
const query = (name: string, schema: JsonSchema, description?: string): OpenApiParameter => ({
  name,
  in: 'query',
  ...(description === undefined ? {} : { description }),
  schema,
});

const sessionCookies = 'session, refresh (Path=/api/auth) and CSRF cookies, cookie mode only';
const csrfNote =
  'With the session cookie, send X-CSRF-Token (the value of the CSRF cookie); bearer tokens need none.';

/**
 * The OpenAPI 3.1 document of `/api/auth/*` (paths relative to it), merged into
 * `/api/openapi.json` and served at `/api/auth/openapi.json`. The auth routes validate their
 * requests against it, so the document and the behaviour cannot drift apart.
 */
export const authOpenApi: OpenApiDocument = withStandardResponseHeaders({
  openapi: '3.1.0',
  info: {
    title: 'Authentication',
    version: '1.0.0',
    description:
      'Sign-in with password, TOTP and single sign-on; sessions (cookies with rotating refresh tokens), JWT access tokens and API keys.',
  },
  servers: [{ url: '/api/auth' }],
  security: [],
  tags: [
    { name: 'Sessions', description: 'Sign-in, refresh, sign-out and the sessions of the user' },
    { name: 'Passwords', description: 'Password reset and change, email verification' },
    { name: 'MFA', description: 'TOTP two-factor authentication and recovery codes' },
    { name: 'API keys', description: 'Keys for machines, scoped to permissions' },
    { name: 'Single sign-on', description: 'OpenID Connect (authorization code + PKCE)' },
    { name: 'Keys', description: 'Public keys that verify access tokens' },
  ],
  paths: {
    '/login': {
      post: operation({
        id: 'login',
        summary: 'Sign in with email and password',
        description:
          'Answers `signed_in`, or `mfa_required` with a challenge token when the account has two-factor authentication. Failed sign-ins lock the account (auth.lockout) with 429 and Retry-After.',
        tag: 'Sessions',
        security: 'public',
        body: 'LoginRequest',
        ok: {
          status: 200,
          description: 'Signed in, or the second step is needed',
          schema: 'SignedIn',
          headers: { 'Set-Cookie': sessionCookies },
        },
        errors: [400, 401, 403, 415, 422],
      }),
    },
    '/mfa/verify': {
      post: operation({
        id: 'verifyMfa',
        summary: 'Second sign-in step: a TOTP or recovery code',
        tag: 'Sessions',
        security: 'public',
        body: 'MfaVerifyRequest',
        ok: {
          status: 200,
          description: 'Signed in',
          schema: 'SignedIn',
          headers: { 'Set-Cookie': sessionCookies },
        },
        errors: [400, 401, 415, 422],
      }),
    },
    '/refresh': {
      post: operation({
        id: 'refresh',
        summary: 'Rotate the refresh token and get a new session cookie or access token',
        description: `A refresh token works once; presenting a used one ends its whole session. ${csrfNote}`,
        tag: 'Sessions',
        security: 'public',
        body: 'RefreshRequest',
        bodyRequired: false,
        ok: {
          status: 200,
          description: 'Rotated',
          schema: 'Refreshed',
          headers: { 'Set-Cookie': sessionCookies },
        },
        errors: [400, 401, 403, 415, 422],
      }),
    },
    '/logout': {
      post: operation({
        id: 'logout',
        summary: 'End this session',
        description: `With the session cookie, or its refresh cookie once the session cookie expired, or a bearer token. No live session to end is a 401; the cookies of a dead one are cleared then too. ${csrfNote}`,
        tag: 'Sessions',
        security: 'user',
        ok: {
          status: 204,
          description: 'Signed out; the cookies are cleared',
          headers: { 'Set-Cookie': 'cleared cookies' },
        },
        errors: [401, 403],
      }),
    },
    '/logout-all': {
      post: operation({
        id: 'logoutAll',
        summary: 'End every session of the user (sign out everywhere)',
        description: csrfNote,
        tag: 'Sessions',
        security: 'user',
        ok: { status: 204, description: 'Every session ended', headers: { 'Set-Cookie': 'cleared cookies' } },
        errors: [401, 403],
      }),
    },
    '/me': {
      get: operation({
        id: 'getMe',
        summary: 'The signed-in user, tenant, roles and permissions',
        tag: 'Sessions',
        security: 'any',
        ok: { status: 200, description: 'Who you are', schema: 'Me' },
        errors: [401, 403],
      }),
    },
    '/switch-tenant': {
      post: operation({
        id: 'switchTenant',
        summary: 'Act in another tenant of yours from now on',
        description: csrfNote,
        tag: 'Sessions',
        security: 'user',
        body: 'SwitchTenantRequest',
        ok: { status: 200, description: 'Switched', schema: 'TenantSwitched' },
        errors: [400, 401, 403, 415, 422],
      }),
    },
    '/sessions': {
      get: operation({
        id: 'listSessions',
        summary: 'The live sessions of the user',
        tag: 'Sessions',
        security: 'user',
        ok: { status: 200, description: 'Sessions, most recently used first', schema: 'SessionList' },
        errors: [401],
      }),
    },
    '/sessions/{id}': {
      delete: operation({
        id: 'revokeSession',
        summary: 'End one of your sessions',
        description: csrfNote,
        tag: 'Sessions',
        security: 'user',
        parameters: [idParameter('the session')],
        ok: { status: 204, description: 'Ended' },
        errors: [400, 401, 403, 404],
      }),
    },
    '/password/reset-request': {
      post: operation({
        id: 'requestPasswordReset',
        summary: 'Mail a password reset link',
        description: 'Answers 202 whether or not the account exists.',
        tag: 'Passwords',
        security: 'public',
        body: 'EmailRequest',
        ok: { status: 202, description: 'A link is on its way if the account exists' },
        errors: [400, 403, 415, 422],
      }),
    },
    '/password/reset': {
      post: operation({
        id: 'resetPassword',
        summary: 'Set a new password with the token from the reset link',
        description: 'Every session of the user ends.',
        tag: 'Passwords',
        security: 'public',
        body: 'ResetPasswordRequest',
        ok: { status: 204, description: 'Password set' },
        errors: [400, 403, 415, 422],
      }),
    },
    '/password/change': {
      post: operation({
        id: 'changePassword',
        summary: 'Change your password',
        description: `Every other session of the user ends. ${csrfNote}`,
        tag: 'Passwords',
        security: 'user',
        body: 'ChangePasswordRequest',
        ok: { status: 204, description: 'Password changed' },
        errors: [400, 401, 403, 415, 422],
      }),
    },
    '/email/verify-request': {
      post: operation({
        id: 'requestEmailVerification',
        summary: 'Mail a link that confirms your email address',
        description: csrfNote,
        tag: 'Passwords',
        security: 'user',
        ok: { status: 202, description: 'A link is on its way (unless the address is verified)' },
        errors: [401, 403],
      }),
    },
    '/email/verify': {
      post: operation({
        id: 'verifyEmail',
        summary: 'Confirm the email address with the token from the link',
        tag: 'Passwords',
        security: 'public',
        body: 'TokenRequest',
        ok: { status: 204, description: 'Verified' },
        errors: [400, 403, 415, 422],
      }),
    },
    '/mfa/enroll': {
      post: operation({
        id: 'enrollMfa',
        summary: 'Start TOTP enrollment: a secret and its otpauth URI',
        description: csrfNote,
        tag: 'MFA',
        security: 'user',
        body: 'MfaEnrollRequest',
        ok: { status: 200, description: 'Scan the URI, then confirm with a code', schema: 'MfaEnrollment' },
        errors: [400, 401, 403, 409, 415, 422],
      }),
    },
    '/mfa/confirm': {
      post: operation({
        id: 'confirmMfa',
        summary: 'Confirm enrollment with a code; returns recovery codes once',
        description: csrfNote,
        tag: 'MFA',
        security: 'user',
        body: 'MfaConfirmRequest',
        ok: { status: 200, description: 'Two-factor authentication is on', schema: 'RecoveryCodes' },
        errors: [400, 401, 403, 409, 415, 422],
      }),
    },
    '/mfa/disable': {
      post: operation({
        id: 'disableMfa',
        summary: 'Turn two-factor authentication off (password and a code)',
        description: csrfNote,
        tag: 'MFA',
        security: 'user',
        body: 'MfaDisableRequest',
        ok: { status: 204, description: 'Off' },
        errors: [400, 401, 403, 409, 415, 422],
      }),
    },
    '/api-keys': {
      post: operation({
        id: 'createApiKey',
        summary: 'Create an API key in the current tenant',
        description: `Scopes must be permissions you hold. The key is in this answer only. A user holds at most auth.apiKeys.maxPerUser live keys (25) in a tenant: one more is a 409 API_KEY_LIMIT. ${csrfNote}`,
        tag: 'API keys',
        security: 'user',
        body: 'NewApiKey',
        ok: { status: 201, description: 'Created', schema: 'CreatedApiKey' },
        errors: [400, 401, 403, 409, 415, 422],
      }),
      get: operation({
        id: 'listApiKeys',
        summary: 'Your API keys in the current tenant (without secrets)',
        description: 'Revoked and expired keys included, a page at a time.',
        tag: 'API keys',
        security: 'user',
        parameters: [
          query(
            'limit',
            { type: 'integer', format: 'int32', minimum: 1, maximum: 100, default: 25 },
            'keys per page',
          ),
          query(
            'cursor',
            { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' },
            '`nextCursor` of the previous page',
          ),
        ],
        ok: { status: 200, description: 'Keys, newest first', schema: 'ApiKeyList' },
        errors: [400, 401, 403],
      }),
    },
    '/api-keys/{id}': {
      delete: operation({
        id: 'revokeApiKey',
        summary: 'Revoke one of your API keys',
        description: csrfNote,
        tag: 'API keys',
        security: 'user',
        parameters: [idParameter('the API key')],
        ok: { status: 204, description: 'Revoked' },
        errors: [400, 401, 403, 404],
      }),
    },
    '/providers': {
      get: operation({
        id: 'listAuthProviders',
        summary: 'The ways to sign in: password, and the single sign-on providers',
        description: 'For the sign-in page, before anyone is signed in.',
        tag: 'Single sign-on',
        security: 'public',
        ok: { status: 200, description: 'The sign-in methods', schema: 'AuthProviders' },
        errors: [],
      }),
    },
    '/oidc/{provider}/start': {
      get: operation({
        id: 'startOidc',
        summary: 'Start single sign-on: redirects to the provider',
        tag: 'Single sign-on',
        security: 'public',
        parameters: [
          providerParameter,
          query(
            'returnTo',
            { type: 'string', pattern: '^/(?![/\\\\])', maxLength: 2048 },
            'a path of this site to land on',
          ),
        ],
        ok: {
          status: 302,
          description: 'To the provider',
          headers: { Location: 'the authorization URL', 'Set-Cookie': 'the state cookie' },
        },
        errors: [400, 404],
      }),
    },
    '/oidc/{provider}/callback': {
      get: operation({
        id: 'finishOidc',
        summary: 'Where the provider sends the browser back',
        tag: 'Single sign-on',
        security: 'public',
        parameters: [
          providerParameter,
          query('code', { type: 'string', maxLength: 4096 }),
          query('state', { type: 'string', maxLength: 512 }),
          query('iss', { type: 'string', maxLength: 2048 }),
          query('error', { type: 'string', maxLength: 256 }),
          query('error_description', { type: 'string', maxLength: 2048 }),
          // what some providers add (Google, Keycloak, Entra ID); accepted and ignored
          ...['error_uri', 'session_state', 'scope', 'authuser', 'hd', 'prompt'].map((name) =>
            query(name, { type: 'string', maxLength: 2048 }),
          ),
        ],
        ok: {
          status: 302,
          description: 'Signed in: to returnTo',
          headers: { Location: 'returnTo', 'Set-Cookie': sessionCookies },
        },
        errors: [400, 401, 403, 404],
      }),
    },
    '/.well-known/jwks.json': {
      get: operation({
        id: 'getJwks',
        summary: 'The public keys access tokens are signed with (JWKS)',
        tag: 'Keys',
        security: 'public',
        ok: { status: 200, description: 'JSON Web Key Set', schema: 'Jwks' },
        errors: [],
      }),
    },
  },
  components: {
    schemas,
    responses: {},
    parameters: {},
    headers: {},
    securitySchemes: { ...securitySchemes },
  },
});

/** The operations only a signed-in user (session cookie or bearer token, not an API key) may call. */
export const authUserOperations: ReadonlySet<string> = userOperations;

/** The operations any credential may call (a session, a bearer token or an API key), but nobody without one. */
export const authCredentialOperations: ReadonlySet<string> = credentialOperations;
