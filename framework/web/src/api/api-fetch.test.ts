import { describe, expect, it, vi } from 'vitest';
import { createApiFetch } from './api-fetch.js';
import { createQueryClient } from './create-query-client.js';
import { isRetryable, ProblemError } from './problem-error.js';

const problem = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });

describe('apiFetch', () => {
  it('sends the session cookie and JSON, and returns data with the ETag', async () => {
    const fetch = vi.fn(
      async () =>
        new Response('{"id":"1"}', { headers: { 'content-type': 'application/json', etag: '"3"' } }),
    );
    const apiFetch = createApiFetch({ baseUrl: '/api/sales/', fetch });
    const result = await apiFetch('/accounts/1', {
      method: 'PATCH',
      body: { name: 'A' },
      query: { q: 'x', empty: '' },
    });
    expect(result).toEqual({ data: { id: '1' }, status: 200, etag: '"3"' });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/sales/accounts/1?q=x');
    expect(init.credentials).toBe('include');
    expect(init.body).toBe('{"name":"A"}');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('throws problem+json as a typed ProblemError with its field errors', async () => {
    const apiFetch = createApiFetch({
      baseUrl: '/api',
      fetch: async () =>
        problem(422, {
          title: 'Unprocessable',
          status: 422,
          code: 'VALIDATION_FAILED',
          detail: 'bad',
          errors: [{ path: '/body/name', code: 'required', message: 'is required' }],
        }),
    });
    const error = await apiFetch('/x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({
      status: 422,
      code: 'VALIDATION_FAILED',
      message: 'bad',
      errors: [{ path: '/body/name', code: 'required', message: 'is required' }],
    });
  });

  it('turns a failed connection into a status-0 ProblemError and an HTML error page into a problem', async () => {
    const offline = createApiFetch({
      baseUrl: '/api',
      fetch: async () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const error = await offline('/x').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 0, isNetworkError: true });
    const proxy = createApiFetch({
      baseUrl: '/api',
      fetch: async () => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }),
    });
    expect(await proxy('/x').catch((caught: unknown) => caught)).toMatchObject({ status: 502, errors: [] });
  });
});

describe('retry policy', () => {
  it('retries network errors and 5xx, never 4xx', () => {
    const of = (status: number) => new ProblemError({ type: 'about:blank', title: '', status, errors: [] });
    expect([of(0), of(500), of(503), of(400), of(404), of(412), of(422)].map(isRetryable)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    const retry = createQueryClient().getDefaultOptions().queries?.retry;
    if (typeof retry !== 'function') throw new Error('retry is a function');
    expect(retry(0, of(503))).toBe(true);
    expect(retry(3, of(503))).toBe(false);
    expect(retry(0, of(404))).toBe(false);
  });
});
