import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearDocumentCookies, setDocumentCookie } from '../testing/document-cookies.js';
import { csrfHeaderName, readCookie, withCsrfToken } from './with-csrf-token.js';

const ok = () => new Response('{}', { headers: { 'content-type': 'application/json' } });

afterEach(clearDocumentCookies);

describe('withCsrfToken', () => {
  it('echoes the CSRF cookie in X-CSRF-Token on unsafe methods only', async () => {
    setDocumentCookie('codexion_session_csrf', 'tok%2Fen');
    const fetch = vi.fn(async () => ok());
    const wrapped = withCsrfToken(fetch);
    await wrapped('/api/crm/deals', { method: 'POST', headers: { accept: 'application/json' } });
    await wrapped('/api/crm/deals', { method: 'GET' });
    await wrapped('/api/crm/deals');
    const [post, get, bare] = fetch.mock.calls as unknown as [string, RequestInit | undefined][];
    const headers = new Headers(post?.[1]?.headers);
    expect(headers.get(csrfHeaderName)).toBe('tok/en');
    expect(headers.get('accept')).toBe('application/json');
    expect(new Headers(get?.[1]?.headers).has(csrfHeaderName)).toBe(false);
    expect(bare?.[1]).toBeUndefined();
  });

  it('adds it to a Request, as the generated hey-api clients send them, body intact', async () => {
    setDocumentCookie('codexion_session_csrf', 'abc');
    const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => ok());
    await withCsrfToken(fetch)(
      new Request('http://localhost/api/crm/deals/1', { method: 'DELETE', headers: { 'x-trace': '1' } }),
    );
    await withCsrfToken(fetch)(
      new Request('http://localhost/api/crm/deals', { method: 'POST', body: '{"a":1}' }),
    );
    const [deleted, posted] = fetch.mock.calls.map(([input]) => input as Request);
    expect(deleted?.headers.get(csrfHeaderName)).toBe('abc');
    expect(deleted?.headers.get('x-trace')).toBe('1');
    expect(deleted?.method).toBe('DELETE');
    expect(await posted?.text()).toBe('{"a":1}');
    expect(posted?.headers.get(csrfHeaderName)).toBe('abc');
  });

  it('sends nothing without the cookie, keeps a token the caller set, and reads another cookie name', async () => {
    const fetch = vi.fn(async () => ok());
    await withCsrfToken(fetch)('/x', { method: 'PUT' });
    expect(
      new Headers((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers).has(csrfHeaderName),
    ).toBe(false);
    setDocumentCookie('codexion_session_csrf', 'from-cookie');
    setDocumentCookie('acme_csrf', 'acme-token');
    await withCsrfToken(fetch)('/x', { method: 'PATCH', headers: { [csrfHeaderName]: 'mine' } });
    await withCsrfToken(fetch, { cookieName: 'acme_csrf' })('/x', { method: 'PATCH' });
    const [, own, renamed] = fetch.mock.calls as unknown as [string, RequestInit][];
    expect(new Headers(own?.[1].headers).get(csrfHeaderName)).toBe('mine');
    expect(new Headers(renamed?.[1].headers).get(csrfHeaderName)).toBe('acme-token');
  });

  it('resolves globalThis.fetch per call when none is given', async () => {
    const fetch = vi.fn(async () => ok());
    const wrapped = withCsrfToken();
    vi.stubGlobal('fetch', fetch);
    try {
      await wrapped('/later');
    } finally {
      vi.unstubAllGlobals();
    }
    expect(fetch).toHaveBeenCalledWith('/later', undefined);
  });
});

describe('readCookie', () => {
  it('finds a cookie by its exact name', () => {
    setDocumentCookie('codexion_session_csrf_old', 'no');
    setDocumentCookie('codexion_session_csrf', 'yes');
    expect(readCookie('codexion_session_csrf')).toBe('yes');
    expect(readCookie('codexion_session')).toBeUndefined();
  });
});
