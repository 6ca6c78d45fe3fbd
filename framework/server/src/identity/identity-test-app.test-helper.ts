/** Test-only: the billing test app behind authentication, on a fresh database with the framework's tables. */
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '../data/test-database.js';
import type { ConfigInput } from '../foundation/kernel-config.js';
import { loadConfig } from '../foundation/load-config.js';
import { createHttpApp } from '../http/create-http-app.js';
import { billingOpenApi, captureLogger, echoHandlers } from '../http/http-test-app.test-helper.js';
import { frameworkMigrations } from '../kernel/framework-migrations.js';
import { createMetrics } from '../observability/metrics.js';
import { createIdentity } from './create-identity.js';
import { devEmailTransport } from './email-transport.js';
import type { AuthEvent, TenancyPort, TenantAccess } from './identity-ports.js';
import { type CreateUserInput, createUser } from './user-service.js';

export const tenantA = '0a0a0a0a-0000-4000-8000-00000000000a';
export const tenantB = '0b0b0b0b-0000-4000-8000-00000000000b';
export const password = 'correct horse battery staple';

/** A tenancy stand-in: memberships set by the test. */
export function fakeTenancy() {
  const memberships = new Map<string, TenantAccess>();
  const port: TenancyPort = {
    resolveAccess: async (userId, tenantId) => memberships.get(`${userId} ${tenantId}`),
    defaultTenant: async (userId) => {
      for (const key of memberships.keys()) if (key.startsWith(`${userId} `)) return key.split(' ')[1];
      return undefined;
    },
  };
  return {
    port,
    grant(
      userId: string,
      tenantId: string,
      permissions: readonly string[],
      roles: readonly string[] = ['member'],
    ) {
      memberships.set(`${userId} ${tenantId}`, { roles, permissions });
    },
    revoke(userId: string, tenantId: string) {
      memberships.delete(`${userId} ${tenantId}`);
    },
  };
}

export interface IdentityTestAppOptions {
  overrides?: ConfigInput;
}

/**
 * The billing app (echo handlers) with `/api/auth/*` and authentication in front of
 * `/api/billing/*`; trusted context off, cheap argon2, a movable clock, a dev mail outbox, a fake
 * tenancy and the audit events collected.
 */
export async function identityTestApp({ overrides = {} }: IdentityTestAppOptions = {}) {
  const test = await createTestDatabase({ migrations: frameworkMigrations });
  const { config } = await loadConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    env: { NODE_ENV: 'test' },
    overrides: {
      ...overrides,
      auth: {
        trustedContext: false,
        trustProxyHops: 1,
        ...overrides.auth,
      },
    },
  });
  const { logger, lines } = captureLogger('info');
  const mail = devEmailTransport(logger);
  const tenancy = fakeTenancy();
  const events: AuthEvent[] = [];
  const clock = { offsetMs: 0 };
  const identity = createIdentity({
    config,
    database: test.database,
    logger,
    tenancy: tenancy.port,
    email: mail,
    audit: async (event) => {
      events.push(event);
    },
    now: () => new Date(Date.now() + clock.offsetMs),
  });
  const openapi = billingOpenApi();
  const app = createHttpApp({
    plugins: [{ name: 'billing', openapi, handlers: echoHandlers(openapi) }],
    logger,
    metrics: createMetrics({ defaultMetrics: false }),
    readiness: () => ({ database: { ok: true } }),
    ...identity.http.resolvers,
    auth: identity.http,
    environment: 'test',
  });
  return {
    app,
    config,
    database: test.database,
    identity,
    mail,
    lines,
    events,
    tenancy,
    clock,
    createUser: (input: Partial<CreateUserInput> & { email: string }) =>
      createUser(identity.context, { name: 'Test User', password, ...input }),
    dispose: test.dispose,
  };
}

/** A browser's cookies, enough for these tests: names and values, paths ignored. */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  /** takes the `Set-Cookie` headers of a response; `Max-Age=0` deletes */
  take(response: Response): this {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (/;\s*max-age=0\b/i.test(line) || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    return this;
  }

  get(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  set(name: string, value: string): void {
    this.#cookies.set(name, value);
  }

  delete(name: string): void {
    this.#cookies.delete(name);
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** A JSON request's init, from a given client address (the app trusts one proxy hop). */
export function json(
  body: unknown,
  {
    method = 'POST',
    headers = {},
    ip = '198.51.100.1',
  }: { method?: string; headers?: Record<string, string>; ip?: string } = {},
): RequestInit {
  return {
    method,
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip, ...headers },
    body: JSON.stringify(body),
  };
}

/** Headers of a cookie-authenticated browser request: cookies and, for writes, the CSRF token. */
export function browser(jar: CookieJar, extra: Record<string, string> = {}): Record<string, string> {
  const csrf = jar.get('codexion_session_csrf');
  return {
    Cookie: jar.header(),
    'X-Forwarded-For': '198.51.100.1',
    ...(csrf === undefined ? {} : { 'X-CSRF-Token': csrf }),
    ...extra,
  };
}

/** Signs in with cookies; returns the jar and the body. */
export async function signIn(
  app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> },
  email: string,
  secret = password,
) {
  const response = await app.request('/api/auth/login', json({ email, password: secret }));
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const jar = new CookieJar().take(response);
  return { jar, body: (await response.clone().json()) as Record<string, unknown>, response };
}
