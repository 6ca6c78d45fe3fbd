import type { Database } from '../data/database.js';

/** Whose key it is: keys of two tenants, or of two credentials in one tenant, never meet. */
export interface IdempotencyScope {
  tenantId: string;
  /** `user:<id>`, `api_key:<id>`, or `anonymous` (the trusted context) */
  credential: string;
  key: string;
}

/** A response as first sent, kept for replays. */
export interface StoredResponse {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

/** What claiming a key found. */
export type IdempotencyClaim =
  | { outcome: 'claimed' }
  | { outcome: 'in_flight' }
  | { outcome: 'mismatch' }
  | { outcome: 'replay'; response: StoredResponse };

/**
 * Where Idempotency-Key responses are kept: the table `prefiq.idempotency_keys` of the kernel's
 * database, so every node of a deployment sees the same keys.
 */
export interface IdempotencyStore {
  /**
   * Claims the key for a request with this fingerprint (method, path, body), or tells what holds
   * it: a request still running, a different request, or the response to replay. An expired key,
   * or a claim whose lease ran out (its request died), is claimed afresh.
   */
  claim(
    scope: IdempotencyScope,
    fingerprint: string,
    ttlMs: number,
    leaseMs: number,
  ): Promise<IdempotencyClaim>;
  /** keeps the response of the request that holds the claim */
  complete(scope: IdempotencyScope, response: StoredResponse): Promise<void>;
  /** gives up the claim: the request failed before anything was committed, a retry may run it */
  release(scope: IdempotencyScope): Promise<void>;
  /** removes keys that expired; how many */
  purge(now?: Date): Promise<number>;
}

interface Row {
  fingerprint: string;
  state: 'in_flight' | 'done';
  status: number | null;
  headers: [string, string][] | string | null;
  body: Uint8Array | null;
  claimed: boolean;
}

/**
 * The store on the kernel's database. A claim is one statement (an insert that takes an expired
 * or abandoned row over, or else reads it), so concurrent requests with one key see exactly one
 * winner on PGlite and PostgreSQL alike.
 *
 * @example
 * const store = idempotencyStore(database);
 * const claim = await store.claim({ tenantId, credential: 'user:…', key }, fingerprint, 86_400_000, 60_000);
 */
export function idempotencyStore(database: Database): IdempotencyStore {
  return {
    async claim({ tenantId, credential, key }, fingerprint, ttlMs, leaseMs) {
      const rows = await database.execute<Row & Record<string, unknown>>(
        `with taken as (
           insert into prefiq.idempotency_keys as k
             (tenant_id, credential, key, fingerprint, state, locked_until, expires_at)
           values ($1, $2, $3, $4, 'in_flight', now() + $5 * interval '1 millisecond', now() + $6 * interval '1 millisecond')
           on conflict (tenant_id, credential, key) do update
             set fingerprint = excluded.fingerprint, state = 'in_flight', locked_until = excluded.locked_until,
                 status = null, headers = null, body = null, created_at = now(), expires_at = excluded.expires_at
             where k.expires_at <= now() or (k.state = 'in_flight' and k.locked_until <= now())
           returning true as claimed
         )
         select true as claimed, null::text as fingerprint, null::text as state, null::int as status,
                null::jsonb as headers, null::bytea as body
           from taken
         union all
         select false, fingerprint, state, status, headers, body
           from prefiq.idempotency_keys
          where tenant_id = $1 and credential = $2 and key = $3 and not exists (select 1 from taken)`,
        [tenantId, credential, key, fingerprint, leaseMs, ttlMs],
      );
      const row = rows[0];
      // the row went away between the insert and the read (purged, released): claim again
      if (row === undefined) return this.claim({ tenantId, credential, key }, fingerprint, ttlMs, leaseMs);
      if (row.claimed) return { outcome: 'claimed' };
      if (row.fingerprint !== fingerprint) return { outcome: 'mismatch' };
      if (row.state === 'in_flight') return { outcome: 'in_flight' };
      const headers = typeof row.headers === 'string' ? JSON.parse(row.headers) : row.headers;
      return {
        outcome: 'replay',
        response: {
          status: Number(row.status),
          headers: headers ?? [],
          body: new Uint8Array(row.body ?? []),
        },
      };
    },
    async complete({ tenantId, credential, key }, { status, headers, body }) {
      await database.execute(
        `update prefiq.idempotency_keys set state = 'done', status = $4, headers = $5::jsonb, body = $6
          where tenant_id = $1 and credential = $2 and key = $3 and state = 'in_flight'`,
        [tenantId, credential, key, status, JSON.stringify(headers), Buffer.from(body)],
      );
    },
    async release({ tenantId, credential, key }) {
      await database.execute(
        `delete from prefiq.idempotency_keys
          where tenant_id = $1 and credential = $2 and key = $3 and state = 'in_flight'`,
        [tenantId, credential, key],
      );
    },
    async purge(now = new Date()) {
      const rows = await database.execute<{ count: number }>(
        `with gone as (delete from prefiq.idempotency_keys where expires_at <= $1 returning 1)
         select count(*)::int as count from gone`,
        [now.toISOString()],
      );
      return Number(rows[0]?.count ?? 0);
    },
  };
}
