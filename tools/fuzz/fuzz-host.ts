import type { OpenApiDocument } from '@codexion/schema';
import { signIn } from '../../cortex/bin/cortex-host.test-helper.js';
import type { Principal } from './principal.js';

/** An account of the host under test and the tenant it acts in. */
export interface FuzzAccount {
  email: string;
  password: string;
  userId: string;
  tenantId: string;
}

/** What the global setup hands every test file: the one booted host, its accounts and its database probe. */
export interface FuzzHost {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** the state probe (`serveStateProbe`) over the host's database */
  probeUrl: string;
  /** `http.bodyLimit` of the host */
  bodyLimit: number;
  /** the database the host runs on, for the output */
  database: string;
  bootMs: number;
  /** the demo tenant's owner (the console's first account) */
  owner: FuzzAccount;
  /** a viewer of the demo tenant */
  viewer: FuzzAccount;
  /** owners of two fresh tenants, for the cross-tenant suite */
  tenantA: FuzzAccount;
  tenantB: FuzzAccount;
}

declare module 'vitest' {
  export interface ProvidedContext {
    fuzzHost: FuzzHost;
  }
}

/** A signed-in account as the suites use it, with its id and tenant. */
export type SignedIn = Principal & { userId: string; tenantId: string; permissions: ReadonlySet<string> };

/**
 * Signs an account in as the console does (session cookie, CSRF token on writes) and reads its
 * permissions; `alive` asks `/api/auth/me`, `renew` signs in again.
 *
 * @example
 * const owner = await signedInPrincipal(host.url, 'owner', host.owner);
 */
export async function signedInPrincipal(url: string, name: string, account: FuzzAccount): Promise<SignedIn> {
  let client = await signIn(url, account.email, account.password);
  const me = await client.request('GET', '/api/auth/me');
  const listed: unknown = me.body?.permissions;
  const permissions = new Set(
    Array.isArray(listed) ? listed.filter((p): p is string => typeof p === 'string') : [],
  );
  return {
    name,
    userId: account.userId,
    tenantId: account.tenantId,
    permissions,
    credentials: (method) => client.authHeaders(method),
    alive: async () => (await client.request('GET', '/api/auth/me')).status === 200,
    async renew() {
      client = await signIn(url, account.email, account.password);
    },
  };
}

/**
 * The merged contract the host serves, checked to be an OpenAPI document.
 *
 * @throws {Error} when the answer is not one
 *
 * @example
 * const doc = await fetchContract(host.url);
 */
export async function fetchContract(url: string): Promise<OpenApiDocument> {
  const response = await fetch(`${url}/api/openapi.json`);
  const body: unknown = await response.json();
  const doc = body as Partial<OpenApiDocument> | null;
  if (typeof doc?.paths !== 'object' || typeof doc.components?.schemas !== 'object')
    throw new Error(`${url}/api/openapi.json is not an OpenAPI document (${response.status})`);
  return doc as OpenApiDocument;
}
