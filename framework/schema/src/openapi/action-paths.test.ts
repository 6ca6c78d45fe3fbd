import { describe, expect, it } from 'vitest';
import type { ActionDefinition, AppModel } from '../model/app-model.js';
import type { JsonSchema } from '../model/json-schema.js';
import { buildOpenApi } from './build-openapi.js';
import type { OpenApiOperation } from './openapi-types.js';

const signedIn: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Signed in',
  type: 'object',
  properties: { status: { const: 'signed_in' } },
  required: ['status'],
  additionalProperties: false,
};
const mfaRequired: JsonSchema = {
  ...signedIn,
  title: 'MFA required',
  properties: { status: { const: 'mfa_required' } },
};

const actions: ActionDefinition[] = [
  {
    id: 'login',
    summary: 'Sign in',
    method: 'POST',
    path: '/login',
    access: 'public',
    tag: 'Sessions',
    request: {
      type: 'object',
      properties: { email: { type: 'string', maxLength: 320 } },
      additionalProperties: false,
    },
    responses: {
      '200': {
        description: 'Signed in, or the second step is needed',
        schema: { oneOf: [{ $ref: 'signed-in.schema.json' }, { $ref: 'mfa-required.schema.json' }] },
        headers: { 'Set-Cookie': { description: 'the session cookies' } },
      },
    },
    errors: [400, 401, 415, 422],
  },
  {
    id: 'logout',
    summary: 'Sign out',
    method: 'POST',
    path: '/logout',
    access: 'user',
    tag: 'Sessions',
    security: [['session'], ['refreshCookie'], ['bearer']],
    responses: {
      '204': { description: 'Signed out', headers: { 'Set-Cookie': { description: 'cleared' } } },
    },
    errors: [401, 403],
  },
  {
    id: 'getMe',
    summary: 'Who am I',
    method: 'GET',
    path: '/me',
    access: 'credential',
    tag: 'Sessions',
    deprecated: true,
    errors: [401],
  },
  {
    id: 'startOidc',
    summary: 'Start single sign-on',
    method: 'GET',
    path: '/oidc/{provider}/start',
    access: 'public',
    tag: 'Sessions',
    params: {
      type: 'object',
      properties: {
        provider: { type: 'string', pattern: '^[a-z]+$', maxLength: 64, description: 'a provider' },
      },
      additionalProperties: false,
    },
    request: {
      type: 'object',
      properties: {
        returnTo: { type: 'string', maxLength: 2048 },
        scopes: { type: 'array', maxItems: 5, items: { type: 'string', maxLength: 20 } },
      },
    },
    responses: {
      '302': {
        description: 'To the provider',
        headers: { Location: { description: 'the authorization URL', required: true } },
      },
    },
    errors: [400, 404],
  },
  {
    id: 'renameTenant',
    summary: 'Rename',
    method: 'PATCH',
    path: '/tenant',
    permission: 'prefiq:tenant:update',
    tag: 'Sessions',
    contentType: 'application/merge-patch+json',
    requestRequired: false,
    request: {
      type: 'object',
      properties: { name: { type: 'string', maxLength: 200 } },
      additionalProperties: false,
    },
    errors: [400, 401, 403, 422],
  },
];

function model(): AppModel {
  return {
    manifest: {
      name: 'auth',
      version: '1.0.0',
      title: 'Authentication',
      framework: '^0.1.0',
      tags: [
        { name: 'Sessions', description: 'Sign-in and sign-out' },
        { name: 'Unused', description: 'No operation is listed under it' },
      ],
      securitySchemes: {
        refreshCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'codexion_session_refresh',
          description: 'The refresh cookie',
        },
      },
      responses: {
        '401': {
          description: 'Not authenticated',
          headers: { 'WWW-Authenticate': { description: 'How to authenticate' } },
        },
      },
    },
    entities: [
      { name: 'signed-in', schema: signedIn },
      { name: 'mfa-required', schema: mfaRequired },
    ].map(({ name, schema }) => ({
      name,
      typeName: name === 'signed-in' ? 'SignedIn' : 'MfaRequired',
      pluralTypeName: `${name}List`,
      file: `schema/${name}.schema.json`,
      schema: structuredClone(schema),
      annotations: {},
      primaryKey: 'id',
      rules: [],
      policies: [],
    })),
    actions: structuredClone(actions),
  };
}

describe('actions of the framework’s own APIs', () => {
  const doc = buildOpenApi(model());
  const operation = (path: string, method: 'get' | 'post' | 'patch'): OpenApiOperation => {
    const found = doc.paths[path]?.[method];
    if (found === undefined) throw new Error(`no ${method} ${path}`);
    return found;
  };

  it('lists each operation under its declared tag, and only the tags in use', () => {
    expect(doc.tags).toEqual([{ name: 'Sessions', description: 'Sign-in and sign-out' }]);
    expect(operation('/login', 'post').tags).toEqual(['Sessions']);
  });

  it('says who may call: no one in particular, a signed-in user, any credential, or as written', () => {
    expect(operation('/login', 'post').security).toEqual([{}]);
    expect(operation('/me', 'get').security).toEqual([{ session: [] }, { bearer: [] }, { apiKey: [] }]);
    expect(operation('/logout', 'post').security).toEqual([
      { session: [] },
      { refreshCookie: [] },
      { bearer: [] },
    ]);
    expect(operation('/tenant', 'patch').security).toBeUndefined();
    expect(operation('/tenant', 'patch')['x-codexion-permission']).toBe('prefiq:tenant:update');
    expect(doc.components.securitySchemes.refreshCookie).toEqual(
      expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'codexion_session_refresh' }),
    );
  });

  it('documents exactly the listed errors, plus 429 and 500, with the API’s own 401', () => {
    expect(Object.keys(operation('/login', 'post').responses)).toEqual([
      '200',
      '400',
      '401',
      '415',
      '422',
      '429',
      '500',
    ]);
    expect(Object.keys(operation('/logout', 'post').responses)).toEqual(['204', '401', '403', '429', '500']);
    expect(operation('/login', 'post').responses['415']).toEqual({
      $ref: '#/components/responses/UnsupportedMediaType',
    });
    expect(doc.components.responses.Unauthorized).toMatchObject({
      description: 'Not authenticated',
      headers: {
        'WWW-Authenticate': {
          description: 'How to authenticate',
          schema: { type: 'string', maxLength: 4096 },
        },
      },
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
  });

  it('answers with several shapes under one status, with the headers each answer carries', () => {
    const ok = operation('/login', 'post').responses['200'];
    expect(ok).toMatchObject({
      description: 'Signed in, or the second step is needed',
      headers: {
        'Set-Cookie': { description: 'the session cookies', schema: { type: 'string', maxLength: 4096 } },
      },
      content: {
        'application/json': {
          schema: {
            oneOf: [{ $ref: '#/components/schemas/SignedIn' }, { $ref: '#/components/schemas/MfaRequired' }],
          },
        },
      },
    });
    expect(operation('/logout', 'post').responses['204']).not.toHaveProperty('content');
    expect(operation('/oidc/{provider}/start', 'get').responses['302']).toMatchObject({
      description: 'To the provider',
      headers: { Location: { description: 'the authorization URL', required: true } },
    });
    // the rate-limit headers join the declared ones
    expect(Object.keys(operation('/logout', 'post').responses['204'] ?? {})).toContain('headers');
    expect(JSON.stringify(operation('/logout', 'post').responses['204'])).toContain('RateLimit-Limit');
  });

  it('takes path templates with their own schemas, comma-list arrays in the query, and merge patches', () => {
    const start = operation('/oidc/{provider}/start', 'get');
    expect(start.parameters).toEqual([
      {
        name: 'provider',
        in: 'path',
        required: true,
        description: 'a provider',
        schema: { type: 'string', pattern: '^[a-z]+$', maxLength: 64, description: 'a provider' },
      },
      { name: 'returnTo', in: 'query', schema: { type: 'string', maxLength: 2048 } },
      {
        name: 'scopes',
        in: 'query',
        style: 'form',
        explode: false,
        schema: { type: 'array', maxItems: 5, items: { type: 'string', maxLength: 20 } },
      },
    ]);
    expect(operation('/tenant', 'patch').requestBody).toEqual({
      required: false,
      content: {
        'application/merge-patch+json': {
          schema: {
            type: 'object',
            properties: { name: { type: 'string', maxLength: 200 } },
            additionalProperties: false,
          },
        },
      },
    });
  });

  it('marks a deprecated operation', () => {
    expect(operation('/me', 'get').deprecated).toBe(true);
    expect(operation('/login', 'post')).not.toHaveProperty('deprecated');
  });
});
