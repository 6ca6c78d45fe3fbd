import { sendRequest } from './send-request.js';

/** Who sends a request: the headers that say so, and what it may do. */
export interface Principal {
  readonly name: string;
  /** the credential headers for a request of `method` (cookie, and the CSRF token on writes) */
  credentials(method: string): Record<string, string>;
  /** its permissions in its tenant (`*` for all); `undefined` for a caller without credentials */
  readonly permissions?: ReadonlySet<string>;
  /** whether its session still works (a request that should have been refused may end it) */
  alive?(): Promise<boolean>;
  /** signs in again after the session was lost */
  renew?(): Promise<void>;
}

/** Whether a set of permissions holds one (`*`, exact, or a `prefix:*` wildcard). */
export function holds(permissions: ReadonlySet<string>, permission: string): boolean {
  if (permissions.has('*') || permissions.has(permission)) return true;
  const parts = permission.split(':');
  return parts.some((_, i) => i > 0 && permissions.has(`${parts.slice(0, i).join(':')}:*`));
}

/** A caller without credentials. */
export const anonymous: Principal = { name: 'anonymous', credentials: () => ({}) };

/** A GET as a principal, its body parsed when it is JSON. */
export async function getJson(
  origin: string,
  principal: Principal,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const [pathname = '', query = ''] = path.split('?');
  const answer = await sendRequest(origin, {
    method: 'GET',
    path: pathname,
    query,
    headers: { ...headers, ...principal.credentials('GET') },
  });
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    body = undefined;
  }
  return { status: answer.status, body, headers: new Headers(answer.headers) };
}

/**
 * Runs `task` over `items` with at most `limit` running at once, results in input order.
 *
 * @example
 * const answers = await mapLimit(requests, 8, (r) => sendRequest(origin, r.shape));
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
