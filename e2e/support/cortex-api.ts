/** The session cookie's name in Cortex's config (`auth.cookie.name`); the CSRF cookie is `<name>_csrf`. */
const sessionCookie = 'codexion_session';

/** An answer of Cortex's API: the status and the parsed body (problem+json on errors). */
export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A person at Cortex's API without a browser: signs in with a password like the login page does
 * (cookie session), keeps the cookies, and echoes the CSRF cookie in `X-CSRF-Token` on writes —
 * for setting up what a browser test needs and checking what it did.
 *
 * @example
 * const owner = await CortexClient.signIn(url, owner);
 * const { body } = await owner.get('/api/tenancy/memberships');
 */
export class CortexClient {
  readonly #cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** A client signed in with a password (optionally straight into a tenant). */
  static async signIn(
    baseUrl: string,
    { email, password }: { email: string; password: string },
    tenantId?: string,
  ): Promise<CortexClient> {
    const client = new CortexClient(baseUrl);
    const answer = await client.request('POST', '/api/auth/login', {
      email,
      password,
      ...(tenantId === undefined ? {} : { tenantId }),
    });
    if (answer.status !== 200 || answer.body.status !== 'signed_in')
      throw new Error(`sign-in of ${email}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return client;
  }

  /** Any request; a JSON body when given. Never throws on a status: the caller checks it. */
  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = {
      accept: 'application/json, application/problem+json',
      ...extraHeaders,
    };
    if (body !== undefined)
      headers['content-type'] = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
    const cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (cookie) headers.cookie = cookie;
    const csrf = this.#cookies.get(`${sessionCookie}_csrf`);
    if (csrf !== undefined && !['GET', 'HEAD'].includes(method)) headers['x-csrf-token'] = csrf;
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (/;\s*max-age=0\b/i.test(line) || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (a redirect, a page): the text as it is
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /** A GET that must succeed: its JSON body. */
  async get<T = Record<string, unknown>>(path: string): Promise<T> {
    return this.expect<T>('GET', path, undefined);
  }

  /** A POST that must succeed: its JSON body. */
  async post<T = Record<string, unknown>>(path: string, body?: unknown): Promise<T> {
    return this.expect<T>('POST', path, body);
  }

  /** A request that must answer 2xx: its JSON body. */
  async expect<T>(
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const answer = await this.request<T>(method, path, body, headers);
    if (answer.status < 200 || answer.status > 299)
      throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
}

/** One of the caller's tenants, as `/api/tenancy/memberships` lists it. */
export interface Membership {
  tenantId: string;
  tenantName: string;
  role: string;
}

/**
 * Changes a record of an app's API as its edit page does: reads it for its ETag, then sends the
 * merge patch with `If-Match`.
 *
 * @example
 * await patchRecord(acme, '/api/crm/companies/…', { name: 'Nimbus Freight GmbH' });
 */
export async function patchRecord<T = Record<string, unknown>>(
  client: CortexClient,
  path: string,
  patch: Record<string, unknown>,
): Promise<T> {
  const current = await client.request('GET', path);
  const etag = current.headers.get('etag');
  if (current.status !== 200 || etag === null) throw new Error(`GET ${path}: ${current.status}, no ETag`);
  return client.expect<T>('PATCH', path, patch, { 'if-match': etag });
}

/** The caller's tenants. */
export async function memberships(client: CortexClient): Promise<Membership[]> {
  return (await client.get<{ items: Membership[] }>('/api/tenancy/memberships')).items;
}

/** The id of the caller's tenant whose name starts with `name` ("Acme" finds "Acme (demo)"). */
export async function tenantIdOf(client: CortexClient, name: string): Promise<string> {
  const found = (await memberships(client)).find((tenant) => tenant.tenantName.startsWith(name));
  if (!found) throw new Error(`no tenant "${name}" among ${JSON.stringify(await memberships(client))}`);
  return found.tenantId;
}

/**
 * A new person in the caller's current tenant with `role`, as an admin would add them: an
 * invitation, accepted with a name and password at the public endpoint (what `/invite/<token>`
 * does). Returns the invitation token too, for a test that accepts in the browser instead
 * (`accept: false`).
 *
 * @example
 * const viewer = await invitePerson(owner, { email: 'vera@example.com', role: 'viewer' });
 */
export async function invitePerson(
  admin: CortexClient,
  {
    email,
    role,
    name = email.split('@')[0] ?? email,
    password = 'a-long-enough-password-1',
    accept = true,
  }: { email: string; role: string; name?: string; password?: string; accept?: boolean },
): Promise<{ email: string; password: string; name: string; token: string; link: string }> {
  const created = await admin.post<{ invitation: { id: string }; link: string }>('/api/cortex/invitations', {
    email,
    role,
  });
  const token = decodeURIComponent(created.link.split('/invite/')[1] ?? '');
  if (!token) throw new Error(`an invitation link without a token: ${created.link}`);
  if (accept) {
    const answer = await new CortexClient(admin.baseUrl).request('POST', '/api/cortex/invitations/accept', {
      token,
      name,
      password,
    });
    if (answer.status !== 204)
      throw new Error(
        `accepting the invitation of ${email}: ${answer.status} ${JSON.stringify(answer.body)}`,
      );
  }
  return { email, password, name, token, link: created.link };
}
