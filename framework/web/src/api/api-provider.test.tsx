import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearDocumentCookies, setDocumentCookie } from '../testing/document-cookies.js';
import { ApiProvider, type HeyApiClientLike, useApi } from './api-provider.js';

function BaseUrl() {
  return <p>{useApi().baseUrl}</p>;
}

describe('ApiProvider', () => {
  it('points generated hey-api clients at the base URL with the session cookie', () => {
    const setConfig = vi.fn();
    render(
      <ApiProvider baseUrl="/api/sales" clients={[{ setConfig }]}>
        <BaseUrl />
      </ApiProvider>,
    );
    expect(setConfig).toHaveBeenCalledWith({
      baseUrl: '/api/sales',
      credentials: 'include',
      fetch: expect.any(Function),
    });
    expect(screen.getByText('/api/sales')).toBeTruthy();
  });

  describe('with a session', () => {
    afterEach(clearDocumentCookies);

    it('makes the generated clients send the CSRF token on writes, through the given fetch', async () => {
      setDocumentCookie('acme_csrf', 'tok');
      const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response('{}'));
      let clientFetch: typeof globalThis.fetch | undefined;
      const client: HeyApiClientLike = {
        setConfig: (config) => {
          clientFetch = config.fetch;
        },
      };
      render(
        <ApiProvider baseUrl="/api/sales" clients={[client]} fetch={fetch} csrfCookieName="acme_csrf">
          <BaseUrl />
        </ApiProvider>,
      );
      // what a hey-api client does: one Request per call, through the configured fetch
      await clientFetch?.(new Request('http://localhost/api/sales/accounts', { method: 'POST', body: '{}' }));
      await clientFetch?.(new Request('http://localhost/api/sales/accounts'));
      const [post, get] = fetch.mock.calls.map(([input]) => input as Request);
      expect(post?.headers.get('X-CSRF-Token')).toBe('tok');
      expect(get?.headers.has('X-CSRF-Token')).toBe(false);
    });
  });
});
