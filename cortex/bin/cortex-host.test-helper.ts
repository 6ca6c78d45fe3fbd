import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '@codexion/framework/data';
import {
  createUser,
  type DevEmailTransport,
  type EmailMessage,
  IdentityToken,
} from '@codexion/framework/identity';
import { DatabaseToken, frameworkMigrations } from '@codexion/framework/kernel';
import { TenancyToken } from '@codexion/framework/tenancy';
import { createTestDatabase, responseValidator } from '@codexion/framework/testing';
import type { OpenApiDocument, ValidationIssue } from '@codexion/schema';
import openapi from '../core/generated/openapi.json' with { type: 'json' };
import { demoTenantId, type RunningCortex, type StartCortexOptions, startCortex } from './cortex-host.js';

export { demoTenantId };

/** The manifest of an app of the workspace, as far as the host's tests read it. */
export interface WorkspaceApp {
  name: string;
  title: string;
  version: string;
  icon: string;
}

const appsDir = fileURLToPath(new URL('../../apps', import.meta.url));

/**
 * Every app under `apps/*` (a folder with `core/app.json`), in path order, read from disk rather
 * than from the host: what Cortex should host when started without `only`.
 *
 * @example
 * expect(report.plugins.map((p) => p.name)).toEqual(['cortex', ...workspaceApps.map((a) => a.name)]);
 */
export const workspaceApps: readonly WorkspaceApp[] = readdirSync(appsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(appsDir, entry.name, 'core', 'app.json')))
  .map((entry) => entry.name)
  .sort()
  .map((dir) => {
    const { name, title, version, icon } = JSON.parse(
      readFileSync(join(appsDir, dir, 'core', 'app.json'), 'utf8'),
    ) as WorkspaceApp;
    return { name, title, version, icon };
  });

/** Cortex's and the CRM's migrations, for the pre-migrated test database. */
const pluginMigrations = [
  {
    name: 'cortex',
    migrationsFolder: fileURLToPath(new URL('./migrations', import.meta.url)),
    schema: 'cortex',
  },
  {
    name: 'crm',
    migrationsFolder: fileURLToPath(new URL('../../apps/crm/bin/migrations', import.meta.url)),
    schema: 'crm',
  },
];

/** One answer, its JSON parsed; `contract` lists where a Cortex operation's answer breaks its documented response. */
export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test answers are read freely, the contract check types them
  body: any;
  contract: ValidationIssue[];
}

export interface CallOptions {
  /** `X-Codexion-Tenant`: the session's tenant unless given */
  tenant?: string;
  headers?: Record<string, string>;
}

/** A client of the running host, signed in (cookies and CSRF header) or not. */
export interface Client {
  readonly userId: string | undefined;
  /** the cookie and CSRF headers this client sends with a request of `method`, for requests it does not make itself */
  authHeaders(method: string): Record<string, string>;
  /** any request; the path starts with `/` */
  request(method: string, path: string, body?: unknown, options?: CallOptions): Promise<Answer>;
  /** a request to `/api/cortex<path>` as the operation `operationId`, its answer checked against the contract */
  cortex(
    operationId: string,
    method: string,
    path: string,
    body?: unknown,
    options?: CallOptions,
  ): Promise<Answer>;
}

const check = responseValidator(openapi as unknown as OpenApiDocument);

function clientOf(base: string, cookies: Map<string, string>, userId: string | undefined): Client {
  const authHeaders = (method: string): Record<string, string> => {
    const headers: Record<string, string> = {};
    if (cookies.size > 0) headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const csrf = cookies.get('codexion_session_csrf');
    if (csrf !== undefined && method !== 'GET') headers['x-csrf-token'] = csrf;
    return headers;
  };
  const request = async (method: string, path: string, body?: unknown, options: CallOptions = {}) => {
    const headers: Record<string, string> = { ...options.headers, ...authHeaders(method) };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.tenant !== undefined) headers['x-codexion-tenant'] = options.tenant;
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (value === '' || /max-age=0/i.test(cookie)) cookies.delete(pair.slice(0, at));
      else cookies.set(pair.slice(0, at), value);
    }
    const text = await response.clone().text();
    return {
      status: response.status,
      headers: response.headers,
      body: text === '' ? {} : JSON.parse(text),
      contract: [] as ValidationIssue[],
      response,
    };
  };
  return {
    userId,
    authHeaders,
    async request(method, path, body, options) {
      const { response: _, ...answer } = await request(method, path, body, options);
      return answer;
    },
    async cortex(operationId, method, path, body, options) {
      const { response, ...answer } = await request(method, `/api/cortex${path}`, body, options);
      return { ...answer, contract: await check(operationId, response) };
    },
  };
}

export interface CortexUnderTest {
  cortex: RunningCortex;
  /** the demo owner, signed in, in the demo tenant */
  owner: Client;
  anonymous: Client;
  /** the Globex tenant the owner also owns */
  globexId: string;
  signIn(email: string, password: string): Promise<Client>;
  /** a new user with a password, member of `tenantId` (the demo's unless given) with `role`, signed in */
  memberWithRole(role: string, tenantId?: string): Promise<Client & { email: string; password: string }>;
  /** the rows of a table as JSON, read past row-level security: to assert that nothing was written */
  snapshot(table: string): Promise<string>;
  /** the emails the dev transport has "sent" */
  mail(): readonly EmailMessage[];
  database(): Database;
  dispose(): Promise<void>;
}

let sequence = 0;

/**
 * Signs in to a running host (Cortex's `url`) with a password, as the console does: the session
 * cookie, and the CSRF cookie whose value goes into `X-CSRF-Token`.
 *
 * @throws {Error} when the sign-in is refused
 *
 * @example
 * const owner = await signIn(cortex.url, 'owner@acme.example', password);
 * await owner.request('GET', '/api/crm/deals');
 */
export async function signIn(base: string, email: string, password: string): Promise<Client> {
  const cookies = new Map<string, string>();
  const login = await clientOf(base, cookies, undefined).request('POST', '/api/auth/login', {
    email,
    password,
  });
  if (login.status !== 200)
    throw new Error(`login of ${email} failed: ${login.status} ${JSON.stringify(login.body)}`);
  return clientOf(base, cookies, login.body.user.id);
}

/**
 * A client of a running host that has not signed in.
 *
 * @example
 * const answer = await anonymousClient(cortex.url).request('GET', '/api/auth/providers');
 */
export function anonymousClient(base: string): Client {
  return clientOf(base, new Map(), undefined);
}

/**
 * Starts Cortex (its plugin and the CRM) on a fresh, pre-migrated test database (PGlite, or
 * PostgreSQL with `DATABASE_URL`), on a free port, without the shell, as a first run: the demo
 * tenant is seeded and its owner made, then signed in.
 *
 * @example
 * const t = await cortexUnderTest();
 * const apps = await t.owner.cortex('listApps', 'GET', '/apps');
 */
export async function cortexUnderTest(options: Partial<StartCortexOptions> = {}): Promise<CortexUnderTest> {
  const test = await createTestDatabase({ migrations: [...frameworkMigrations, ...pluginMigrations] });
  const cortex = await startCortex({
    port: 0,
    ui: false,
    seed: true,
    env: { NODE_ENV: 'test', CODEXION_LOGGING__LEVEL: 'silent' },
    database: test.database,
    overrides: { auth: { rateLimit: { enabled: false } } },
    ...options,
  });
  const base = cortex.url;
  const login = cortex.ownerLogin;
  if (login === undefined) throw new Error('the first run made no owner');
  const owner = await signIn(base, login.email, login.password);
  const tenancy = cortex.kernel.container.resolve(TenancyToken);
  const globex = (await tenancy.listMemberships(owner.userId ?? '')).find((m) => m.tenantSlug === 'globex');
  if (globex === undefined) throw new Error('the owner is not in Globex');
  return {
    cortex,
    owner,
    anonymous: anonymousClient(base),
    globexId: globex.tenantId,
    signIn: (email, password) => signIn(base, email, password),
    async memberWithRole(role, tenantId = demoTenantId) {
      sequence += 1;
      const email = `${role}-${sequence}-${Date.now()}@example.com`;
      const password = 'correct horse battery staple';
      const identity = cortex.kernel.container.resolve(IdentityToken);
      const user = await createUser(identity.context, { email, name: `A ${role}`, password });
      await tenancy.addMember({ tenantId, permissions: new Set(['*']) }, { userId: user.id, role });
      return Object.assign(await signIn(base, email, password), { email, password });
    },
    async snapshot(table) {
      const rows = await cortex.kernel.container
        .resolve(DatabaseToken)
        .execute(`select * from ${table} order by 1`);
      return JSON.stringify(rows);
    },
    mail: () => (cortex.kernel.container.resolve(IdentityToken).context.email as DevEmailTransport).sent,
    database: () => cortex.kernel.container.resolve(DatabaseToken),
    async dispose() {
      await cortex.close();
      await test.dispose();
    },
  };
}
