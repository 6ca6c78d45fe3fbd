import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authOpenApi } from '../http/framework-apis.js';
import {
  browser,
  type CookieJar,
  identityTestApp,
  signIn,
  tenantA,
} from './identity-test-app.test-helper.js';

let t: Awaited<ReturnType<typeof identityTestApp>>;
let jar: CookieJar;

beforeAll(async () => {
  t = await identityTestApp({ overrides: { auth: { rateLimit: { enabled: false } } } });
  const user = await t.createUser({ email: 'input@example.com' });
  t.tenancy.grant(user.id, tenantA, ['billing:invoice:read']);
  jar = (await signIn(t.app, 'input@example.com')).jar;
}, 60_000);
afterAll(() => t?.dispose());

interface BadCase {
  method: 'POST' | 'DELETE';
  path: string;
  /** a JSON body (serialized), or raw text */
  body?: unknown;
  raw?: string;
  contentType?: string;
  status: number;
  code: string;
  /** every one of these field paths must be named in `errors` */
  paths: string[];
}

const longToken = 'x'.repeat(43);

/** At least one bad request for every write route of /api/auth, by operation. */
const cases: Record<string, BadCase[]> = {
  login: [
    {
      method: 'POST',
      path: '/api/auth/login',
      body: {},
      status: 422,
      code: 'VALIDATION_FAILED',
      paths: ['/body/email', '/body/password'],
    },
    {
      method: 'POST',
      path: '/api/auth/login',
      body: { email: 'not-an-email', password: '', mode: 'carrier-pigeon', tenantId: 'acme', admin: true },
      status: 422,
      code: 'VALIDATION_FAILED',
      paths: ['/body/email', '/body/password', '/body/mode', '/body/tenantId', '/body/admin'],
    },
    {
      method: 'POST',
      path: '/api/auth/login',
      raw: '{"email":',
      status: 400,
      code: 'MALFORMED_JSON',
      paths: [],
    },
    {
      method: 'POST',
      path: '/api/auth/login',
      raw: 'email=a',
      contentType: 'application/x-www-form-urlencoded',
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      paths: [],
    },
    {
      method: 'POST',
      path: '/api/auth/login',
      raw: '',
      status: 422,
      code: 'VALIDATION_FAILED',
      paths: ['/body'],
    },
  ],
  verifyMfa: [
    {
      method: 'POST',
      path: '/api/auth/mfa/verify',
      body: { challengeToken: 'short' },
      status: 422,
      code: 'VALIDATION_FAILED',
      paths: ['/body/challengeToken', '/body/code', '/body/recoveryCode'],
    },
    {
      method: 'POST',
      path: '/api/auth/mfa/verify',
      body: { challengeToken: longToken, code: '12ab56', recoveryCode: 'nope' },
      status: 422,
      code: 'VALIDATION_FAILED',
      paths: ['/body/code', '/body/recoveryCode'],
    },
  ],
  refresh: [
    {
      method: 'POST',
      path: '/api/auth/refresh',
      body: { refreshToken: 42 },
      status: 422,
      code: 'VALIDATION_FAILED',
      paths: ['/body/refreshToken'],
    },
  ],
  switchTenant: [
    {
      method: 'POST',
      path: '/api/auth/switch-tenant',
      body: { tenantId: 'acme' },
      status: 422,
      code: 'VALIDATION_FAILED',
      paths: ['/body/tenantId'],
    },
  ],
  revokeSession: [
    {
      method: 'DELETE',
      path: '/api/auth/sessions/not-a-uuid',
      status: 400,
      code: 'INVALID_PARAMETER',
      paths: ['/params/id'],
    },
  ],
  requestPasswordReset: [
    {
      method: 'POST',
      path: '/api/auth/password/reset-request',
      body: { email: 'x' },
      status: 422,
      code: 'VALIDATION_FAILED',
      paths: ['/body/email'],
    },
  ],
  resetPassword: [
    {
      method: 'POST',
      path: '/api/auth/password/reset',
      body: { token: 'short', password: '' },
      status: 422,
      code: 'VALIDATION_FAILED',
      paths: ['/body/token', '/body/password'],
    },
    {
      method: 'POST',
      path: '/api/auth/password/reset',
      body: { token: longToken, password: 'short' },
      status: 422,
      code: 'VALIDATION_FAILED',
      paths: ['/body/password'],
    },
  ],
  changePassword: [
    {
      method: 'POST',
      path: '/api/auth/password/change',
      body: { newPassword: 7 },
      status: 422,
      code: 'VALIDATION_FAILED',
      paths: ['/body/currentPassword', '/body/newPassword'],
    },
  ],
  verifyEmail: [
    {
      method: 'POST',
      path: '/api/auth/email/verify',
      body: {},
      status: 422,
      code: 'VALIDATION_FAILED',
      paths: ['/body/token'],
    },
  ],
  enrollMfa: [
    {
      method: 'POST',
      path: '/api/auth/mfa/enroll',
      body: { password: 5 },
      status: 422,
      code: 'VALIDATION_FAILED',
      paths: ['/body/password'],
    },
  ],
  confirmMfa: [
    {
      method: 'POST',
      path: '/api/auth/mfa/confirm',
      body: { code: '12' },
      status: 422,
      code: 'VALIDATION_FAILED',
      paths: ['/body/code'],
    },
  ],
  disableMfa: [
    {
      method: 'POST',
      path: '/api/auth/mfa/disable',
      body: { password: 'x' },
      status: 422,
      code: 'VALIDATION_FAILED',
      paths: ['/body/code', '/body/recoveryCode'],
    },
  ],
  createApiKey: [
    {
      method: 'POST',
      path: '/api/auth/api-keys',
      body: { name: '', scopes: ['Not A Scope', 'crm'], expiresAt: 'tomorrow' },
      status: 422,
      code: 'VALIDATION_FAILED',
      paths: ['/body/name', '/body/scopes/0', '/body/scopes/1', '/body/expiresAt'],
    },
    {
      method: 'POST',
      path: '/api/auth/api-keys',
      body: { name: 'k', scopes: [] },
      status: 422,
      code: 'VALIDATION_FAILED',
      paths: ['/body/scopes'],
    },
  ],
  revokeApiKey: [
    {
      method: 'DELETE',
      path: '/api/auth/api-keys/42',
      status: 400,
      code: 'INVALID_PARAMETER',
      paths: ['/params/id'],
    },
  ],
};

/** Write routes that take no input at all: nothing to get wrong but the credentials. */
const inputless = new Set(['logout', 'logoutAll', 'requestEmailVerification']);

describe('bad input on the write routes of /api/auth', () => {
  it('covers every write operation of the document', () => {
    const writes: string[] = [];
    for (const item of Object.values(authOpenApi.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (method !== 'get' && operation !== undefined) writes.push(operation.operationId);
      }
    }
    expect(writes.filter((id) => !inputless.has(id) && cases[id] === undefined)).toEqual([]);
  });

  for (const [operationId, list] of Object.entries(cases)) {
    it(`${operationId}: problem+json naming each bad field`, async () => {
      for (const bad of list) {
        const headers: Record<string, string> = {
          ...browser(jar),
          'Content-Type': bad.contentType ?? 'application/json',
        };
        const response = await t.app.request(bad.path, {
          method: bad.method,
          headers,
          ...(bad.raw !== undefined
            ? { body: bad.raw }
            : bad.body !== undefined
              ? { body: JSON.stringify(bad.body) }
              : {}),
        });
        expect(response.status, `${bad.method} ${bad.path} ${JSON.stringify(bad.body ?? bad.raw)}`).toBe(
          bad.status,
        );
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        const problem = (await response.json()) as { code: string; errors: { path: string }[] };
        expect(problem.code).toBe(bad.code);
        const named = problem.errors.map((e) => e.path);
        for (const path of bad.paths) expect(named, JSON.stringify(problem)).toContain(path);
      }
    });
  }

  it('checks who asks before what they send: a stranger gets 401, not the validation rules', async () => {
    const response = await t.app.request('/api/auth/api-keys', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: '' }),
    });
    expect(response.status).toBe(401);
    // the same where any credential will do (an API key too): none at all is a 401 first
    for (const query of ['?zz=%E0%A4%A', '?%ED%A0%80=1', '?unknown=1']) {
      const me = await t.app.request(`/api/auth/me${query}`);
      expect(me.status, query).toBe(401);
    }
  });
});

describe('createUser with an address taken meanwhile', () => {
  it('answers UNIQUE_VIOLATION (409) to every loser of concurrent creates, never a database error', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => t.createUser({ email: 'race@example.com' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected') {
        expect(result.reason).toMatchObject({ code: 'UNIQUE_VIOLATION', status: 409 });
      }
    }
  });
});
