import { fileURLToPath } from 'node:url';
import { executeRows } from '@codexion/framework/data';
import { createUser, IdentityToken } from '@codexion/framework/identity';
import type { Kernel } from '@codexion/framework/kernel';
import {
  type AppAnswer,
  appKernelUnderTest,
  ensureTestTenant,
  type TestDatabase,
} from '@codexion/framework/testing';
import type { SQL } from 'drizzle-orm';
import plugin from './plugin.js';

export const lmsMigrations = {
  name: 'lms',
  migrationsFolder: fileURLToPath(new URL('./migrations', import.meta.url)),
  schema: 'lms',
};
export const tenantA = '0a0a0a0a-0000-4000-8000-0000000000c1';
const password = 'correct horse battery staple';

/** One answer of the LMS API, checked against the operation's documented response. */
export type Answer = AppAnswer;

/** A signed-in person of tenant A: their id and a bearer token. */
export interface Person {
  id: string;
  token: string;
}

/** The LMS booted with real sign-in (the trusted context off): staff and learners act as themselves. */
export interface LmsKernel {
  kernel: Kernel;
  database: TestDatabase;
  /** an admin of tenant A (LMS staff: every permission, no record policy narrows them) */
  staff: Person;
  /** a request to `/api/lms<path>` by `as`, as the operation `operationId`, its answer checked against the contract */
  call(
    as: Person,
    operationId: string,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer>;
  /** a new member of tenant A (a learner), signed in */
  member(name: string): Promise<Person>;
  dispose(): Promise<void>;
}

/**
 * Boots the LMS on a fresh test database (PGlite, or with `DATABASE_URL` a PostgreSQL database of
 * its own that `dispose` drops), with authentication on: people sign in with a password and call
 * with a bearer token, so record policies apply as in production.
 *
 * @example
 * const lms = await lmsKernel();
 * const learner = await lms.member('ada');
 * await lms.call(learner, 'listSubmissions', 'GET', '/submissions');
 */
export async function lmsKernel(): Promise<LmsKernel> {
  const booted = await appKernelUnderTest({
    app: 'lms',
    plugin,
    migrationsFolder: lmsMigrations.migrationsFolder,
    tenants: [tenantA],
    env: { CODEXION_AUTH__TRUSTED_CONTEXT: 'false', CODEXION_HTTP__RATE_LIMIT__ENABLED: 'false' },
  });
  const { kernel, database: test } = booted;
  const identity = kernel.container.resolve(IdentityToken);

  async function person(name: string, role: string): Promise<Person> {
    const email = `${name}@lms.test`;
    const user = await createUser(identity.context, { email, name, password });
    await ensureTestTenant(test.database, tenantA, [{ id: user.id, email, role }]);
    const response = await kernel.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7' },
      body: JSON.stringify({ email, password, mode: 'token' }),
    });
    const login = (await response.json()) as { accessToken?: string };
    if (login.accessToken === undefined) throw new Error(`sign-in of ${name} failed: ${response.status}`);
    return { id: user.id, token: login.accessToken };
  }

  const staff = await person('staff', 'admin');
  return {
    kernel,
    database: test,
    staff,
    member: (name) => person(name, 'member'),
    call: (as, operationId, method, path, body, headers = {}) =>
      booted.call(operationId, method, path, {
        body,
        headers: { authorization: `Bearer ${as.token}`, ...headers },
      }),
    dispose: () => booted.dispose(),
  };
}

/**
 * Runs `statement` in tenant A's transaction (row-level security applies) and answers its rows.
 *
 * @example
 * const [row] = await tenantRows<{ n: number }>(lms, sql`select count(*)::int as n from lms.submissions`);
 */
export function tenantRows<T extends Record<string, unknown>>(lms: LmsKernel, statement: SQL): Promise<T[]> {
  return lms.database.database.transaction((tx) => executeRows<T>(tx, statement), { tenantId: tenantA });
}

/**
 * Creates a record as staff through its API and answers it; throws with the answer when refused,
 * so a test's setup fails where it breaks.
 *
 * @example
 * const course = await staffCreates(lms, 'createCourse', '/courses', { title: 'Python', code: 'PY-1' });
 */
export async function staffCreates(
  lms: LmsKernel,
  operationId: string,
  path: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown> & { id: string }> {
  const answer = await lms.call(lms.staff, operationId, 'POST', path, body);
  if (answer.status !== 201) throw new Error(`${operationId} answered ${answer.status}: ${answer.text}`);
  return answer.body as Record<string, unknown> & { id: string };
}

/** An ISO date-time `days` from now (negative: in the past). */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}

/**
 * Changes a record as `as` does from a form: reads it for its ETag, then PATCHes with If-Match.
 *
 * @example
 * await patchAs(lms, lms.staff, 'Assignment', `/assignments/${id}`, { hardDeadlineAt });
 */
export async function patchAs(
  lms: LmsKernel,
  as: Person,
  entity: string,
  path: string,
  body: Record<string, unknown>,
): Promise<Answer> {
  const read = await lms.call(as, `get${entity}`, 'GET', path);
  return lms.call(as, `update${entity}`, 'PATCH', path, body, { 'if-match': read.headers.get('etag') ?? '' });
}
