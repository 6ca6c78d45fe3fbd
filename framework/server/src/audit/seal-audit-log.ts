import { sql } from 'drizzle-orm';
import { atCommit } from '../data/commit-hooks.js';
import type { Database, Db } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import { pgErrorOf } from '../data/pg-error.js';
import { CanonicalJsonError, canonicalJson } from '../foundation/canonical-json.js';
import { auditHash, type StoredEntry, storedContent } from './audit-hash.js';

export interface SealOptions {
  /** only this tenant's entries (the audit API seals the caller's before reading) */
  tenantId?: string | undefined;
  /** entries per sealing transaction */
  batchSize?: number;
  /** transactions at most: under a steady stream of writes one pass must still end */
  maxBatches?: number;
  /**
   * try entries that failed before at once, not after their backoff (`prefiq audit verify`, after
   * an operator's fix); each at most once per call
   */
  retryStuck?: boolean;
}

/**
 * What the sealer reports as it happens (see {@link watchAuditSealing}): `stuck` when an entry
 * fails for the first time (its tenant's chain waits at it from then on; retries that fail again
 * are not reported), `resumed` when such an entry is sealed at last. `error` never quotes the
 * entry's content.
 */
export type AuditSealEvent =
  | { type: 'stuck'; tenantId: string; pendingId: number; error: string }
  | { type: 'resumed'; tenantId: string; pendingId: number; attempts: number };

export type AuditSealListener = (event: AuditSealEvent) => void;

/** A pending entry as `prefiq.audit_take_pending` gives it, with the head of its tenant's chain. */
type PendingRow = StoredEntry & {
  id: string | number;
  head_seq: string | number;
  head_hash: string;
  /** how often it failed to seal so far */
  seal_attempts: string | number;
};

interface BatchOutcome {
  /** entries taken: a full batch means more may wait */
  taken: number;
  sealed: number;
  /** tenants whose chain stopped at an entry in this batch */
  failed: string[];
  events: AuditSealEvent[];
}

/** Why an error's message may be kept: it is one of ours that quotes no content. */
function safeMessage(error: unknown): string {
  if (error instanceof CanonicalJsonError) return error.message;
  // another error's message may quote the value it choked on (JSON.parse does): its kind only
  return error instanceof Error ? `${error.name} while hashing` : 'hashing failed';
}

/**
 * Why an entry's hash input cannot be built, naming the column and the rule it broke, never its
 * content (stored, logged and shown by `/readyz`, it must hold no personal data).
 */
function sealError(row: PendingRow, error: unknown): string {
  for (const column of ['diff', 'metadata'] as const) {
    const text = row[column];
    if (text === null) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return `${column}: not JSON text`;
    }
    try {
      canonicalJson(value);
    } catch (columnError) {
      return `${column}: ${safeMessage(columnError)}`;
    }
  }
  return `entry: ${safeMessage(error)}`;
}

/** The tenants `prefiq.audit_take_pending` leaves out, as one text parameter (uuids hold no comma). */
function uuidList(tenants: readonly string[]): string {
  return tenants.join(',');
}

/**
 * Whether the database refused a seal for what it holds (a data exception, an integrity
 * constraint, an exception raised by a function or trigger): one tenant's entries may be the
 * cause, so each tenant's seal is tried on its own. Anything else (the connection, a timeout) is
 * the database's state, the same for every tenant: the pass fails and its entries wait.
 */
function refusedByDatabase(error: unknown): boolean {
  const code = pgErrorOf(error)?.code ?? '';
  return code.startsWith('22') || code.startsWith('23') || code.startsWith('P0');
}

/** A refusal as a seal error: its SQLSTATE and constraint, not its message (which may quote values). */
function refusalError(error: unknown): string {
  const info = pgErrorOf(error);
  const constraint = info?.constraint === undefined ? '' : ` (constraint ${info.constraint})`;
  return `the database refused the seal: SQLSTATE ${info?.code ?? 'unknown'}${constraint}`;
}

type Seal = { id: number; seq: number; prev_hash: string; hash: string };

/**
 * One transaction: takes (and locks) the oldest pending entries, chains them, moves them. An entry
 * whose hash cannot be computed stops its own tenant's chain there (recorded in
 * `prefiq.audit_seal_failure`, in this transaction); every other tenant's entries are sealed.
 * All seals go out with COMMIT in one statement; `careful` (after the database refused that)
 * seals each tenant's in a savepoint of its own instead, and a tenant's refused seal stops that
 * tenant's chain at its first entry.
 */
async function sealBatch(
  tx: Db,
  limit: number,
  tenantId: string | undefined,
  retry: boolean,
  skip: readonly string[],
  careful = false,
): Promise<BatchOutcome> {
  const rows = await executeRows<PendingRow>(
    tx,
    sql`select * from prefiq.audit_take_pending(${limit}::int, ${tenantId ?? null}::uuid, ${retry}::boolean,
          string_to_array(${uuidList(skip)}::text, ',')::uuid[])`,
  );
  const outcome: BatchOutcome = { taken: rows.length, sealed: 0, failed: [], events: [] };
  if (rows.length === 0) return outcome;
  const heads = new Map<string, { seq: number; hash: string }>();
  // by tenant, in the order of the chain
  const seals = new Map<string, Seal[]>();
  const resumed: AuditSealEvent[] = [];
  const failures: { id: number; tenant_id: string; error: string }[] = [];
  const stopped = new Set<string>();
  for (const row of rows) {
    // a chain is ordered: what follows an entry that cannot be sealed waits behind it
    if (stopped.has(row.tenant_id)) continue;
    const head = heads.get(row.tenant_id) ?? { seq: Number(row.head_seq), hash: row.head_hash };
    const seq = head.seq + 1;
    let hash: string;
    try {
      hash = auditHash(head.hash, storedContent(row, seq));
    } catch (error) {
      stopped.add(row.tenant_id);
      failures.push({ id: Number(row.id), tenant_id: row.tenant_id, error: sealError(row, error) });
      continue;
    }
    const chain = seals.get(row.tenant_id) ?? [];
    chain.push({ id: Number(row.id), seq, prev_hash: head.hash, hash });
    seals.set(row.tenant_id, chain);
    heads.set(row.tenant_id, { seq, hash });
    const attempts = Number(row.seal_attempts);
    if (attempts > 0) {
      resumed.push({ type: 'resumed', tenantId: row.tenant_id, pendingId: Number(row.id), attempts });
    }
  }
  if (careful) {
    for (const [tenant, chain] of seals) {
      try {
        await tx.transaction((savepoint) =>
          savepoint.execute(sql`select prefiq.audit_seal(${JSON.stringify(chain)}::jsonb)`),
        );
      } catch (error) {
        if (!refusedByDatabase(error)) throw error;
        seals.delete(tenant);
        stopped.add(tenant);
        failures.push({ id: chain[0]?.id ?? 0, tenant_id: tenant, error: refusalError(error) });
      }
    }
  }
  if (failures.length > 0) {
    // a round trip of its own, only when something failed: its answer says which failures are new
    const recorded = await executeRows<{ pending_id: string | number; attempts: number }>(
      tx,
      sql`select pending_id, attempts from prefiq.audit_seal_failed(${JSON.stringify(failures)}::jsonb)`,
    );
    for (const { pending_id, attempts } of recorded) {
      const failure = failures.find((f) => f.id === Number(pending_id));
      if (failure !== undefined && Number(attempts) === 1) {
        outcome.events.push({
          type: 'stuck',
          tenantId: failure.tenant_id,
          pendingId: failure.id,
          error: failure.error,
        });
      }
    }
    outcome.failed = [...stopped];
  }
  const sealed = [...seals.values()].flat();
  if (sealed.length > 0 && !careful) {
    // sent with COMMIT: the batch costs two round trips after BEGIN
    await atCommit(tx, { sql: 'select prefiq.audit_seal($1::jsonb)', params: [JSON.stringify(sealed)] });
  }
  outcome.events.push(...resumed.filter((event) => seals.has(event.tenantId)));
  outcome.sealed = sealed.length;
  return outcome;
}

const listeners = new WeakMap<Database, Set<AuditSealListener>>();

function report(database: Database, events: readonly AuditSealEvent[]): void {
  const set = listeners.get(database);
  if (set === undefined) return;
  for (const event of events) {
    for (const listener of set) {
      try {
        listener(event);
      } catch {
        // a listener's failure is not the sealer's: the seals have committed
      }
    }
  }
}

/**
 * Calls `listener` with what the sealer of `database` reports in this process: an entry that
 * became stuck (once, when it first failed) and a stuck chain that resumed. The kernel logs them.
 * Returns the function that stops the calls.
 *
 * @example
 * const stop = watchAuditSealing(database, (event) => logger.warn(event, 'audit sealing'));
 */
export function watchAuditSealing(database: Database, listener: AuditSealListener): () => void {
  let set = listeners.get(database);
  if (set === undefined) {
    set = new Set();
    listeners.set(database, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

/**
 * Seals pending audit entries: moves the entries committed so far (`recordAudit` leaves them in
 * `prefiq.audit_pending`) into their tenants' hash chains in `prefiq.audit_log`, oldest first,
 * each with the next `seq` and `hash = sha256(prevHash ‖ canonical row)`. Runs as the connecting
 * role (it owns the tables), a batch per transaction, each tenant's chain locked while it is
 * extended, so sealers of several nodes never fork a chain. Returns how many entries it sealed.
 *
 * An entry whose hash cannot be computed (content canonical JSON cannot write), or whose seal the
 * database refuses (a constraint, a trigger), never fails the call nor blocks another chain: its
 * tenant's chain stops at it (what follows waits, in order), it is recorded in
 * `prefiq.audit_seal_failure` and tried again after a backoff (1 s, doubling, 5 min at most; at
 * once with `retryStuck`), and every other chain goes on. `stuckAuditChains` lists such chains;
 * an operator resolves one by a fix and a retry, or `prefiq.audit_set_aside`. It throws only
 * when the database fails (the connection, a timeout).
 *
 * @example
 * await sealAuditLog(database); // before `verifyAuditChain`, or in a job
 */
export async function sealAuditLog(
  database: Database,
  { tenantId, batchSize = 1000, maxBatches = 10, retryStuck = false }: SealOptions = {},
): Promise<number> {
  let sealed = 0;
  // chains that stopped during this call are not taken again by it (with `retryStuck` they would be)
  const stopped = new Set<string>();
  for (let batch = 0; batch < maxBatches; batch++) {
    const tenant = tenantId?.toLowerCase();
    const skip = [...stopped];
    let outcome: BatchOutcome;
    try {
      outcome = await database.transaction((tx) => sealBatch(tx, batchSize, tenant, retryStuck, skip));
    } catch (error) {
      if (!refusedByDatabase(error)) throw error;
      // the batch's one statement was refused, maybe for one tenant's entries: each on its own
      outcome = await database.transaction((tx) => sealBatch(tx, batchSize, tenant, retryStuck, skip, true));
    }
    sealed += outcome.sealed;
    for (const failed of outcome.failed) stopped.add(failed);
    report(database, outcome.events);
    if (outcome.taken < batchSize) break;
  }
  return sealed;
}

/**
 * Passes begin at most this often. A pass has a fixed cost of about three round trips and a
 * commit (as much as sealing some 50 entries): under a stream of writes each pass seals what
 * gathered since the last one began, while a lone write, long after the last pass, is sealed at once.
 */
const passIntervalMs = 10;

interface Sealing {
  /** the pass not begun yet, which every commit until it begins waits for */
  next: Promise<void> | undefined;
  /** the pass under way */
  running: Promise<void> | undefined;
  /** when the last pass began (`performance.now()`) */
  lastStart: number;
  /** why the last pass failed; the entries stay pending for the next one */
  lastError: unknown;
}

const sealings = new WeakMap<Database, Sealing>();

async function seal(database: Database, sealing: Sealing): Promise<void> {
  try {
    await sealAuditLog(database);
    sealing.lastError = undefined;
  } catch (error) {
    sealing.lastError = error;
  }
}

async function nextPass(database: Database, sealing: Sealing): Promise<void> {
  // not synchronously: `sealing.next` is this promise only once the caller has stored it
  await undefined;
  // one pass at a time per database, and not more often than passIntervalMs
  if (sealing.running !== undefined) await sealing.running;
  const wait = sealing.lastStart + passIntervalMs - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  // commits from now on wait for the pass after this one
  sealing.next = undefined;
  sealing.lastStart = performance.now();
  const pass = seal(database, sealing);
  sealing.running = pass;
  await pass;
  if (sealing.running === pass) sealing.running = undefined;
}

/**
 * Seals what was committed before this call, soon: resolves after a sealing pass that began
 * after it. Passes run one at a time per database, at most every 10 ms, and each seals every entry
 * committed before it began, so concurrent writers share them (one pass for many commits). A pass
 * that fails leaves the entries pending for the next one; it never rejects: the change it follows
 * has committed.
 *
 * @example
 * afterCommit(tx, sealSoon); // recordAudit does this
 */
export function sealSoon(database: Database): Promise<void> {
  let sealing = sealings.get(database);
  if (sealing === undefined) {
    sealing = {
      next: undefined,
      running: undefined,
      lastStart: Number.NEGATIVE_INFINITY,
      lastError: undefined,
    };
    sealings.set(database, sealing);
  }
  sealing.next ??= nextPass(database, sealing);
  return sealing.next;
}

/** Why the last sealing pass on `database` failed, if it did (its entries wait for the next pass). */
export function lastSealError(database: Database): unknown {
  return sealings.get(database)?.lastError;
}
