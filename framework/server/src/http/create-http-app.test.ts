import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { createMetrics } from '../observability/metrics.js';
import { createHttpApp } from './create-http-app.js';
import {
  billingOpenApi,
  captureLogger,
  echoHandlers,
  recordId,
  tenantHeaders,
  testApp,
} from './http-test-app.test-helper.js';
import type { OperationHandler } from './operation-handler.js';
import { ContractMismatchError } from './operation-router.js';
import { requestSignal } from './request-timeout.js';
import { tenantFromHeader } from './tenant-context.js';

const invoiceUrl = `/api/billing/invoices/${recordId}`;

/** The billing app with some handlers replaced. */
function appWith(handlers: Record<string, OperationHandler>, options: Parameters<typeof testApp>[0] = {}) {
  const openapi = billingOpenApi();
  return testApp({
    plugins: [{ name: 'billing', openapi, handlers: { ...echoHandlers(openapi), ...handlers } }],
    ...options,
  });
}

async function problemOf(response: Response): Promise<Record<string, unknown>> {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return (await response.json()) as Record<string, unknown>;
}

describe('request id', () => {
  it('makes a uuid and echoes it, on errors too', async () => {
    const { app } = testApp();
    const response = await app.request('/nowhere');
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await problemOf(response)).requestId).toBe(id);
  });

  it('keeps a valid incoming id and replaces an invalid one', async () => {
    const { app } = testApp();
    const kept = await app.request('/healthz', { headers: { 'X-Request-Id': 'gw-123.abc' } });
    expect(kept.headers.get('x-request-id')).toBe('gw-123.abc');
    const replaced = await app.request('/healthz', { headers: { 'X-Request-Id': 'bad id <script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('trace context', () => {
  it('continues an incoming trace with its own span and logs the trace id', async () => {
    const { app, lines } = testApp();
    const incoming = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const response = await app.request('/healthz', { headers: { traceparent: incoming } });
    const outgoing = response.headers.get('traceparent') ?? '';
    expect(outgoing).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    expect(outgoing).not.toBe(incoming);
    expect(lines.at(-1)).toMatchObject({ trace_id: '4bf92f3577b34da6a3ce929d0e0e4736' });
  });

  it('starts a new trace when the header is missing or invalid', async () => {
    const { app } = testApp();
    const response = await app.request('/healthz', {
      headers: { traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01' },
    });
    const outgoing = response.headers.get('traceparent') ?? '';
    expect(outgoing).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(outgoing).not.toContain('00000000000000000000000000000000');
  });
});

describe('access log', () => {
  it('writes one line per request with route template, status, duration and the request context', async () => {
    const { app, lines } = testApp();
    const response = await app.request(invoiceUrl, { headers: tenantHeaders({ 'X-Request-Id': 'req-1' }) });
    expect(response.status).toBe(200);
    const access = lines.filter((line) => line.msg === 'request completed');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      level: 30,
      method: 'GET',
      route: '/api/billing/invoices/{id}',
      path: invoiceUrl,
      status: 200,
      request_id: 'req-1',
      tenant: '5d0c8a52-3c7e-4f8e-9a8e-1f2b3c4d5e6f',
      user_id: null,
      module: 'billing',
    });
    expect(typeof access[0]?.duration_ms).toBe('number');
    expect(access[0]?.trace_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('logs probe successes at debug and everything else at info or above', async () => {
    const { app, lines } = testApp();
    await app.request('/healthz');
    await app.request('/nowhere');
    const access = lines.filter((line) => line.msg === 'request completed');
    expect(access.map((line) => [line.route, line.level])).toEqual([
      ['/healthz', 20],
      ['unmatched', 30],
    ]);
  });
});

describe('metrics', () => {
  it('labels durations by route template, never by the raw URL', async () => {
    const { app } = testApp();
    await app.request(invoiceUrl, { headers: tenantHeaders() });
    await app.request('/api/billing/invoices/11111111-2222-4333-8444-555555555555', {
      headers: tenantHeaders(),
    });
    await app.request('/no/such/route/42');
    const text = await (await app.request('/metrics')).text();
    expect(text).toMatch(
      /http_request_duration_seconds_count\{route="\/api\/billing\/invoices\/\{id\}",method="GET",status="200"\} 2/,
    );
    expect(text).toContain('route="unmatched"');
    expect(text).not.toContain(recordId);
    expect(text).not.toContain('/no/such/route');
    expect(text).toContain('http_requests_in_flight');
    expect(text).toContain('db_query_duration_seconds');
  });
});

describe('security headers and CORS', () => {
  it('sets a CSP and the usual hardening headers', async () => {
    const { app } = testApp();
    const response = await app.request('/healthz');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('answers a preflight from an allowed origin, with credentials', async () => {
    const { app } = testApp({ corsOrigins: ['http://localhost:5173'] });
    const response = await app.request('/api/billing/invoices', {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-headers')).toContain('X-Codexion-Tenant');
    const simple = await app.request('/healthz', { headers: { Origin: 'http://localhost:5173' } });
    expect(simple.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
  });

  it('allows no other origin, and none at all when unconfigured', async () => {
    const { app } = testApp({ corsOrigins: ['http://localhost:5173'] });
    const other = await app.request('/healthz', { headers: { Origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const { app: closed } = testApp();
    const none = await closed.request('/healthz', { headers: { Origin: 'http://localhost:5173' } });
    expect(none.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses the * origin with credentials', () => {
    expect(() => testApp({ corsOrigins: ['*'] })).toThrow(/credentials/);
  });
});

describe('caching', () => {
  it('marks every answer no-store unless its handler says otherwise, problems included', async () => {
    const { app } = appWith({
      getInvoice: () => {
        throw new DomainError('RULE_FAILED', 'The invoice breaks a rule');
      },
      sendInvoice: (c) => c.json({ sent: true }, 200, { 'Cache-Control': 'private, max-age=60' }),
    });
    const answers = {
      list: await app.request('/api/billing/invoices', { headers: tenantHeaders() }),
      ruleFailed: await app.request(invoiceUrl, { headers: tenantHeaders() }),
      notFound: await app.request('/api/billing/nothing-here'),
      methodNotAllowed: await app.request('/api/billing/invoices', { method: 'PUT' }),
      badParameter: await app.request('/api/billing/invoices/42', { headers: tenantHeaders() }),
      openapi: await app.request('/api/openapi.json'),
      metrics: await app.request('/metrics'),
    };
    for (const [name, response] of Object.entries(answers)) {
      expect(response.headers.get('cache-control'), name).toBe('no-store');
    }
    // a handler that decides for itself keeps its own
    const own = await app.request(`${invoiceUrl}/send`, {
      method: 'POST',
      headers: tenantHeaders({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ to: 'a@example.com' }),
    });
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('private, max-age=60');
  });
});

describe('routing problems', () => {
  it('answers 404 NOT_FOUND for an unknown route', async () => {
    const { app } = testApp();
    const response = await app.request('/api/billing/nothing-here');
    expect(response.status).toBe(404);
    expect(await problemOf(response)).toMatchObject({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      code: 'NOT_FOUND',
      instance: '/api/billing/nothing-here',
      errors: [],
    });
  });

  it('answers 405 with Allow when the path exists with other methods', async () => {
    const { app } = testApp();
    const response = await app.request('/api/billing/invoices', {
      method: 'DELETE',
      headers: tenantHeaders(),
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
    expect(await problemOf(response)).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });
    const item = await app.request(invoiceUrl, { method: 'PUT' });
    expect(item.headers.get('allow')).toBe('DELETE, GET, HEAD, PATCH, OPTIONS');
    const health = await app.request('/healthz', { method: 'POST' });
    expect(health.status).toBe(405);
    expect(health.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('answers a plain OPTIONS with the allowed methods', async () => {
    const { app } = testApp();
    const response = await app.request('/healthz', { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });
});

describe('body limit', () => {
  const big = JSON.stringify({ number: 'x'.repeat(500), amount: 1 });

  it('refuses a body over the limit by Content-Length with 413', async () => {
    const { app } = testApp({ bodyLimitBytes: 100 });
    const response = await app.request('/api/billing/invoices', {
      method: 'POST',
      headers: tenantHeaders({ 'Content-Type': 'application/json', 'Content-Length': String(big.length) }),
      body: big,
    });
    expect(response.status).toBe(413);
    expect(await problemOf(response)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', maxBytes: 100 });
  });

  it('refuses a streamed body once it passes the limit', async () => {
    const { app } = testApp({ bodyLimitBytes: 100 });
    const response = await app.request('/api/billing/invoices', {
      method: 'POST',
      headers: tenantHeaders({ 'Content-Type': 'application/json' }),
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('lets a body under the limit through', async () => {
    const { app } = testApp({ bodyLimitBytes: 100 });
    const response = await app.request('/api/billing/invoices', {
      method: 'POST',
      headers: tenantHeaders({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ number: 'A-1', amount: 1 }),
    });
    expect(response.status).toBe(200);
  });
});

describe('request timeout', () => {
  it('answers 504 TIMEOUT and aborts the handler through its signal', async () => {
    let aborted: unknown;
    const { app } = appWith(
      {
        getInvoice: (c) =>
          new Promise<Response>((resolve) => {
            const signal = requestSignal(c);
            signal.addEventListener('abort', () => {
              aborted = signal.reason;
              resolve(c.json({ late: true }));
            });
          }),
      },
      { requestTimeoutMs: 50 },
    );
    const response = await app.request(invoiceUrl, { headers: tenantHeaders() });
    expect(response.status).toBe(504);
    expect(await problemOf(response)).toMatchObject({ code: 'TIMEOUT', status: 504 });
    expect(aborted).toBeInstanceOf(DomainError);
  });
});

describe('errors thrown by handlers', () => {
  it('renders a DomainError with its code, status, issues and extensions', async () => {
    const { app } = appWith({
      getInvoice: () => {
        throw new DomainError('RULE_FAILED', 'The invoice breaks a rule', {
          issues: [{ path: '/amount', code: 'positiveAmount', message: 'must be positive' }],
          extensions: { rule: 'positiveAmount' },
        });
      },
    });
    const response = await app.request(invoiceUrl, { headers: tenantHeaders() });
    expect(response.status).toBe(422);
    expect(await problemOf(response)).toMatchObject({
      title: 'Unprocessable Entity',
      status: 422,
      code: 'RULE_FAILED',
      detail: 'The invoice breaks a rule',
      instance: invoiceUrl,
      rule: 'positiveAmount',
      errors: [{ path: '/amount', code: 'positiveAmount', message: 'must be positive' }],
    });
  });

  const boom: OperationHandler = () => {
    throw new Error('database password is hunter2');
  };

  it('hides an unknown error in production and logs it with its stack', async () => {
    const { app, lines } = appWith({ getInvoice: boom }, { environment: 'production' });
    const response = await app.request(invoiceUrl, { headers: tenantHeaders() });
    expect(response.status).toBe(500);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(JSON.stringify(problem)).not.toContain('hunter2');
    expect(problem.stack).toBeUndefined();
    const logged = lines.find((line) => line.msg === 'request failed');
    expect(logged).toMatchObject({
      level: 50,
      module: 'billing',
      err: { message: 'database password is hunter2' },
    });
    expect(String((logged?.err as { stack?: string } | undefined)?.stack)).toContain(
      'Error: database password',
    );
  });

  it('hides it in development and test too, unless exposeErrors is asked for, and never in production', async () => {
    for (const environment of ['test', 'development'] as const) {
      const { app } = appWith({ getInvoice: boom }, { environment });
      const hidden = await problemOf(await app.request(invoiceUrl, { headers: tenantHeaders() }));
      expect(hidden.stack).toBeUndefined();
      expect(JSON.stringify(hidden)).not.toContain('hunter2');
    }
    const { app: production } = appWith(
      { getInvoice: boom },
      { environment: 'production', exposeErrors: true },
    );
    const still = await problemOf(await production.request(invoiceUrl, { headers: tenantHeaders() }));
    expect(JSON.stringify(still)).not.toContain('hunter2');
    const { app: dev } = appWith({ getInvoice: boom }, { environment: 'development', exposeErrors: true });
    const shown = await problemOf(await dev.request(invoiceUrl, { headers: tenantHeaders() }));
    expect(shown.detail).toBe('database password is hunter2');
    expect(shown.stack).toContain('Error: database password is hunter2');
  });

  // the shape drizzle-orm gives a failed statement: its values in the message and in `params`
  class QueryError extends Error {
    constructor(
      readonly query: string,
      readonly params: unknown[],
      cause: Error,
    ) {
      super(`Failed query: ${query}\nparams: ${params.join(',')}`, { cause });
    }
  }
  const failedInsert: OperationHandler = () => {
    const cause = Object.assign(
      new Error('duplicate key value violates unique constraint "people_email_key"'),
      {
        code: '23505',
        detail: 'Key (email)=(ann@pii.example) already exists.',
      },
    );
    throw new QueryError(
      'insert into "people" ("email", "name") values ($1, $2)',
      ['ann@pii.example', 'Ann Pii'],
      cause,
    );
  };

  it("never shows or logs a failed statement's values, even with exposeErrors", async () => {
    const { app, lines } = appWith(
      { getInvoice: failedInsert },
      { environment: 'development', exposeErrors: true },
    );
    const problem = await problemOf(await app.request(invoiceUrl, { headers: tenantHeaders() }));
    expect(problem.detail).toBe(
      'Failed query: insert into "people" ("email", "name") values ($1, $2): duplicate key value violates unique constraint "people_email_key"',
    );
    expect(problem.stack).toContain('Failed query: insert into "people"');
    const logged = lines.find((line) => line.msg === 'request failed');
    expect(logged?.err).toMatchObject({
      message: expect.stringContaining('Failed query: insert into "people"'),
    });
    for (const text of [JSON.stringify(problem), JSON.stringify(lines)]) {
      expect(text).not.toContain('ann@pii.example');
      expect(text).not.toContain('Ann Pii');
    }
  });
});

describe('createHttpApp', () => {
  const base = () => ({
    logger: captureLogger().logger,
    metrics: createMetrics({ defaultMetrics: false }),
    readiness: () => ({}),
    tenant: tenantFromHeader(),
  });

  it('refuses to build when handlers and contract disagree', () => {
    const openapi = billingOpenApi();
    const { getInvoice: _dropped, ...handlers } = echoHandlers(openapi);
    const build = () =>
      createHttpApp({
        ...base(),
        plugins: [{ name: 'billing', openapi, handlers: { ...handlers, archive: () => new Response() } }],
      });
    expect(build).toThrow(ContractMismatchError);
    expect(build).toThrow(/without a handler: getInvoice.*without an operation: archive/);
  });

  it('refuses reserved and duplicate app names', () => {
    const openapi = billingOpenApi();
    const plugin = { name: 'billing', openapi, handlers: echoHandlers(openapi) };
    expect(() => createHttpApp({ ...base(), plugins: [{ ...plugin, name: 'docs' }] })).toThrow(/reserved/);
    expect(() => createHttpApp({ ...base(), plugins: [plugin, plugin] })).toThrow(/Two apps/);
  });
});
