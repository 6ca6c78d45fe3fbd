import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authOpenApi } from '../http/framework-apis.js';
import { responseValidator } from '../kernel/response-validator.js';
import { identityTestApp } from './identity-test-app.test-helper.js';

/** The sign-in page's question before anyone signs in: which ways are there? */
const provider = (redirect: string) => ({
  issuer: 'https://sso.example.com',
  clientId: 'codexion',
  redirectUri: `http://localhost:4000/api/auth/oidc/${redirect}/callback`,
  scopes: ['openid', 'email'],
  createUsers: false,
});

let t: Awaited<ReturnType<typeof identityTestApp>>;
let bare: Awaited<ReturnType<typeof identityTestApp>>;
const check = responseValidator(authOpenApi);

beforeAll(async () => {
  t = await identityTestApp({
    overrides: {
      auth: {
        oidc: { providers: { okta: { ...provider('okta'), name: 'Acme Okta' }, azure: provider('azure') } },
      },
    },
  });
  bare = await identityTestApp();
}, 60_000);

afterAll(async () => {
  await t?.dispose();
  await bare?.dispose();
});

describe('GET /api/auth/providers', () => {
  it('lists password sign-in and the configured providers, named, in key order, without credentials', async () => {
    const response = await t.app.request('/api/auth/providers');
    expect(response.status).toBe(200);
    expect(await check('listAuthProviders', response)).toEqual([]);
    expect(await response.json()).toEqual({
      password: true,
      providers: [
        { id: 'azure', name: 'azure' },
        { id: 'okta', name: 'Acme Okta' },
      ],
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('lists no provider when none is configured', async () => {
    const response = await bare.app.request('/api/auth/providers');
    expect(await response.json()).toEqual({ password: true, providers: [] });
  });
});
