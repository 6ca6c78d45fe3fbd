import { describe, expect, it } from 'vitest';
import { createApiClients } from '../api/create-api-client.js';
import { safeReturnTo, signInOptions, ssoStartUrl } from './auth-api.js';
import { formatWait } from './auth-problem-message.js';

describe('sign-in helpers', () => {
  it('returns only to paths of this site, never to the sign-in page itself', () => {
    expect(safeReturnTo('/crm/deals?status=open#top')).toBe('/crm/deals?status=open#top');
    for (const unsafe of [
      null,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/login',
      '/login?returnTo=/x',
      '/invite/abc',
    ]) {
      expect(safeReturnTo(unsafe)).toBe('/');
    }
  });

  it('starts single sign-on at the provider with the way back', () => {
    expect(ssoStartUrl('my idp', '/crm?x=1')).toBe('/api/auth/oidc/my%20idp/start?returnTo=%2Fcrm%3Fx%3D1');
  });

  it('falls back to the password form when the server cannot list its providers', async () => {
    const missing = createApiClients({
      fetch: async () => new Response('{"status":404,"title":"Not found"}', { status: 404 }),
    });
    expect(await signInOptions(missing)).toEqual({ password: true, providers: [] });
    const odd = createApiClients({
      fetch: async () =>
        Response.json({ password: false, providers: [{ id: 'google', name: 'Google' }, { id: 7 }, null] }),
    });
    expect(await signInOptions(odd)).toEqual({
      password: false,
      providers: [{ id: 'google', name: 'Google' }],
    });
  });

  it('says how long to wait in the largest fitting unit and the user’s language', () => {
    expect(formatWait(30, 'en-US')).toBe('30 seconds');
    expect(formatWait(61, 'en-US')).toBe('2 minutes');
    expect(formatWait(900, 'de-DE')).toBe('15 Minuten');
    expect(formatWait(7200, 'de-DE')).toBe('2 Stunden');
  });
});
