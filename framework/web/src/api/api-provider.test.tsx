import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callSdk } from '../resource/call-resource.js';
import { clearDocumentCookies, setDocumentCookie } from '../testing/document-cookies.js';
import { fakeSdkCall } from '../testing/fake-resource-operations.js';
import { type ApiContextValue, ApiProvider, useApi } from './api-provider.js';

let api: ApiContextValue | undefined;
function BaseUrl() {
  api = useApi();
  return <p>{api.baseUrl}</p>;
}

describe('ApiProvider', () => {
  afterEach(clearDocumentCookies);

  it('gives the app client on the base URL and framework API clients on their own roots', () => {
    render(
      <ApiProvider baseUrl="/api/sales">
        <BaseUrl />
      </ApiProvider>,
    );
    expect(screen.getByText('/api/sales')).toBeTruthy();
    expect(api?.client.getConfig().baseUrl).toBe('/api/sales');
    expect(api?.client.getConfig().credentials).toBe('include');
    expect(api?.clientFor({ getConfig: () => ({ baseUrl: '/api/auth' }) }).getConfig().baseUrl).toBe(
      '/api/auth',
    );
  });

  it('sends the CSRF token on writes through the given fetch, not on reads', async () => {
    setDocumentCookie('acme_csrf', 'tok');
    const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response('{}'));
    render(
      <ApiProvider baseUrl="/api/sales" fetch={fetch} csrfCookieName="acme_csrf">
        <BaseUrl />
      </ApiProvider>,
    );
    const client = api?.client;
    if (!client) throw new Error('no client');
    await callSdk(fakeSdkCall('post', '/accounts'), { client, body: {} });
    await callSdk(fakeSdkCall('get', '/accounts'), { client });
    const [post, get] = fetch.mock.calls.map(([input]) => input as Request);
    expect(post?.headers.get('X-CSRF-Token')).toBe('tok');
    expect(get?.headers.has('X-CSRF-Token')).toBe(false);
  });
});
