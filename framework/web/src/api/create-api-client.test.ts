import { describe, expect, it, vi } from 'vitest';
import { callSdk, type SdkCall } from '../resource/call-resource.js';
import { fakeSdkCall } from '../testing/fake-resource-operations.js';
import { createApiClient, createApiClients, serializeQuery } from './create-api-client.js';
import { createQueryClient } from './create-query-client.js';
import { isRetryable, ProblemError } from './problem-error.js';

const problem = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });

/** The shape of a generated SDK function: `PATCH /accounts/{id}` with a merge patch. */
const updateAccount: SdkCall = fakeSdkCall('patch', '/accounts/{id}');
const getThing: SdkCall = fakeSdkCall('get', '/x');

describe('createApiClient', () => {
  it('sends the session cookie and JSON, and returns data with the ETag', async () => {
    const fetch = vi.fn(
      async (_request: Request) =>
        new Response('{"id":"1"}', { headers: { 'content-type': 'application/json', etag: '"3"' } }),
    );
    const client = createApiClient({
      baseUrl: '/api/sales',
      fetch: fetch as unknown as typeof globalThis.fetch,
    });
    const result = await callSdk(updateAccount, {
      client,
      path: { id: 'a/1' },
      body: { name: 'A' },
      query: { q: 'x', empty: '' },
    });
    expect(result).toEqual({ data: { id: '1' }, status: 200, etag: '"3"' });
    const request = fetch.mock.calls[0]?.[0] as Request;
    expect(new URL(request.url).pathname + new URL(request.url).search).toBe('/api/sales/accounts/a%2F1?q=x');
    expect(request.method).toBe('PATCH');
    expect(request.credentials).toBe('include');
    expect(await request.text()).toBe('{"name":"A"}');
    expect(request.headers.get('content-type')).toBe('application/merge-patch+json');
  });

  it('throws problem+json as a typed ProblemError with its field errors', async () => {
    const client = createApiClient({
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
    const error = await callSdk(getThing, { client }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({
      status: 422,
      code: 'VALIDATION_FAILED',
      message: 'bad',
      errors: [{ path: '/body/name', code: 'required', message: 'is required' }],
    });
  });

  it('turns a failed connection into a status-0 ProblemError and an HTML error page into a problem', async () => {
    const offline = createApiClient({
      baseUrl: '/api',
      fetch: async () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const error = await callSdk(getThing, { client: offline }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 0, isNetworkError: true });
    const proxy = createApiClient({
      baseUrl: '/api',
      fetch: async () => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }),
    });
    expect(await callSdk(getThing, { client: proxy }).catch((caught: unknown) => caught)).toMatchObject({
      status: 502,
      errors: [],
    });
  });

  it('makes one client per API root for a generated client, on the same fetch', () => {
    const clientFor = createApiClients();
    const auth = { getConfig: () => ({ baseUrl: '/api/auth' }) };
    expect(clientFor(auth)).toBe(clientFor({ getConfig: () => ({ baseUrl: '/api/auth' }) }));
    expect(clientFor(auth).getConfig().baseUrl).toBe('/api/auth');
    expect(clientFor({ getConfig: () => ({ baseUrl: '/api/tenancy' }) })).not.toBe(clientFor(auth));
  });
});

describe('serializeQuery', () => {
  it('writes the list contract: nested filters, comma-separated arrays, no empty values', () => {
    expect(
      decodeURIComponent(
        serializeQuery({
          filter: { dueDate: { lt: '2026-12-07' }, done: { eq: false } },
          sort: ['-amount', 'title'],
          q: '',
          cursor: null,
          pageSize: 1,
        }),
      ),
    ).toBe('filter[dueDate][lt]=2026-12-07&filter[done][eq]=false&sort=-amount,title&pageSize=1');
    expect(serializeQuery(new URLSearchParams({ 'filter[tier][in]': 'gold' }))).toBe(
      'filter%5Btier%5D%5Bin%5D=gold',
    );
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
