import { createHash } from 'node:crypto';
import type { OpenApiOperation } from '@codexion/schema';
import type { Context } from 'hono';
import type { Database } from '../data/database.js';
import { DomainError } from '../errors/domain-error.js';
import { canonicalJson } from '../foundation/canonical-json.js';
import type { KernelConfig } from '../foundation/kernel-config.js';
import type { AppEnv } from './app-env.js';
import { type IdempotencyScope, type IdempotencyStore, idempotencyStore } from './idempotency-store.js';

export const idempotencyKeyHeader = 'Idempotency-Key';
/** on a replayed response: `true` (the request ran before; this is its first answer) */
export const idempotentReplayedHeader = 'Idempotent-Replayed';
/** where a problem points at the header: as the contract check names header parameters */
const headerPath = '/headers/idempotency-key';

/** Visible ASCII, 1 to 255 characters: the contract's `IdempotencyKey` parameter. */
const keyPattern = /^[!-~]{1,255}$/;

/** The headers of the first response that are this request's own, not the response's: never replayed. */
const ownHeaders = new Set([
  'x-request-id',
  'traceparent',
  'tracestate',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'ratelimit-policy',
  'retry-after',
  'set-cookie',
  'date',
]);

export interface IdempotencyOptions {
  store: IdempotencyStore;
  /** how long a key's response is replayed (`idempotency.ttlHours`) */
  ttlMs: number;
  /** how long a claim holds while its request runs; past it, the request is taken for dead */
  leaseMs: number;
}

/**
 * The kernel's options from its config: keys kept `idempotency.ttlHours`, a claim held twice the
 * request timeout (at least a minute); `undefined` when `idempotency.enabled` is off.
 */
export function idempotencyOptions(config: KernelConfig, database: Database): IdempotencyOptions | undefined {
  if (!config.idempotency.enabled) return undefined;
  return {
    store: idempotencyStore(database),
    ttlMs: Math.round(config.idempotency.ttlHours * 3_600_000),
    leaseMs: Math.max(60_000, 2 * config.http.requestTimeoutMs),
  };
}

/**
 * Whether an operation takes an `Idempotency-Key`: every POST, and any other operation whose
 * contract declares the header (a PATCH that says so).
 */
export function takesIdempotencyKey(method: string, operation: OpenApiOperation): boolean {
  if (method.toLowerCase() === 'post') return true;
  return (operation.parameters ?? []).some((p) => {
    const parameter = p as { $ref?: string; name?: string; in?: string };
    return (
      parameter.$ref === '#/components/parameters/IdempotencyKey' ||
      (parameter.in === 'header' && parameter.name?.toLowerCase() === 'idempotency-key')
    );
  });
}

/** Who holds a key: the API key, else the user, in the request's tenant (`api_key:…`, `user:…`, `anonymous`). */
export function credentialOf(c: Context<AppEnv>): string {
  const actor = c.get('actor');
  if (actor?.type === 'api_key') return `api_key:${actor.id}`;
  const user = c.get('userId');
  return user === undefined ? 'anonymous' : `user:${user}`;
}

/** The request a key stands for: method, path with its values, and the body in canonical JSON. */
function fingerprintOf(c: Context<AppEnv>, body: unknown): string {
  return createHash('sha256')
    .update(`${c.req.method} ${c.req.path}\n`)
    .update(body === undefined ? '' : canonicalJson(body))
    .digest('hex');
}

/**
 * Runs `run` at most once per `Idempotency-Key` (Stripe's semantics), when the request has one:
 * the first request with a key runs and its response (status, headers, body) is kept for
 * `ttlMs`; a retry with the same key and the same request gets that response again, byte for byte,
 * with `Idempotent-Replayed: true`; the same key with another method, path or body is refused with
 * 422 IDEMPOTENCY_KEY_REUSED; a retry while the first still runs gets 409 IDEMPOTENCY_CONFLICT.
 * A request that fails with an error (nothing committed) gives its key up, so a retry runs it.
 * Keys are scoped to the tenant and the credential (API key, else user).
 *
 * @throws {DomainError} INVALID_PARAMETER (an empty or over-long key, or one with other than visible ASCII), IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_CONFLICT
 */
export async function idempotent(
  c: Context<AppEnv>,
  { store, ttlMs, leaseMs }: IdempotencyOptions,
  body: unknown,
  run: () => Promise<Response>,
): Promise<Response> {
  const key = c.req.header(idempotencyKeyHeader);
  if (key === undefined) return run();
  if (!keyPattern.test(key)) {
    const issue = {
      path: headerPath,
      code: 'pattern',
      message: `must be 1 to 255 visible ASCII characters (it has ${key.length} characters)`,
    };
    throw new DomainError('INVALID_PARAMETER', `The ${idempotencyKeyHeader} header is not a valid key`, {
      issues: [issue],
    });
  }
  const scope: IdempotencyScope = { tenantId: c.get('tenantId'), credential: credentialOf(c), key };
  const claim = await store.claim(scope, fingerprintOf(c, body), ttlMs, leaseMs);
  if (claim.outcome === 'mismatch') {
    throw new DomainError(
      'IDEMPOTENCY_KEY_REUSED',
      `This ${idempotencyKeyHeader} was used for a different request (method, path or body); use a new key for a new request`,
      {
        issues: [
          {
            path: headerPath,
            code: 'reused',
            message: 'was used for another request',
          },
        ],
      },
    );
  }
  if (claim.outcome === 'in_flight') {
    throw new DomainError(
      'IDEMPOTENCY_CONFLICT',
      `A request with this ${idempotencyKeyHeader} is still running; retry after it has answered`,
    );
  }
  if (claim.outcome === 'replay') {
    const headers = new Headers();
    for (const named of c.get('responseHeaders') ?? [])
      for (const [n, v] of Object.entries(named)) headers.set(n, v);
    for (const [name, value] of claim.response.headers) headers.set(name, value);
    headers.set(idempotentReplayedHeader, 'true');
    return new Response(claim.response.body.byteLength === 0 ? null : claim.response.body, {
      status: claim.response.status,
      headers,
    });
  }
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await store.release(scope);
    throw error;
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  const kept: [string, string][] = [];
  response.headers.forEach((value, name) => {
    if (!ownHeaders.has(name.toLowerCase())) kept.push([name, value]);
  });
  await store.complete(scope, { status: response.status, headers: kept, body: bytes });
  return new Response(bytes.byteLength === 0 ? null : bytes, {
    status: response.status,
    headers: response.headers,
  });
}
