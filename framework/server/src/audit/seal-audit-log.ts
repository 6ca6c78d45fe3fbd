import { sql } from 'drizzle-orm';
import { atCommit } from '../data/commit-hooks.js';
import type { Database, Db } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import { auditHash, type StoredEntry, storedContent } from './audit-hash.js';

export interface SealOptions {
  /** only this tenant's entries (the audit API seals the caller's before reading) */
  tenantId?: string | undefined;
  /** entries per sealing transaction */
  batchSize?: number;
  /** transactions at most: under a steady stream of writes one pass must still end */
  maxBatches?: number;
}

/** A pending entry as `prefiq.audit_take_pending` gives it, with the head of its tenant's chain. */
type PendingRow = StoredEntry & { id: string | number; head_seq: string | number; head_hash: string };

/** One transaction: takes (and locks) the oldest pending entries, chains them, moves them. */
async function sealBatch(tx: Db, limit: number, tenantId: string | undefined): Promise<number> {
  const rows = await executeRows<PendingRow>(
    tx,
    sql`select * from prefiq.audit_take_pending(${limit}::int, ${tenantId ?? null}::uuid)`,
  );
  if (rows.length === 0) return 0;
  const heads = new Map<string, { seq: number; hash: string }>();
  const seals: { id: number; seq: number; prev_hash: string; hash: string }[] = [];
  for (const row of rows) {
    const head = heads.get(row.tenant_id) ?? { seq: Number(row.head_seq), hash: row.head_hash };
    const seq = head.seq + 1;
    const hash = auditHash(head.hash, storedContent(row, seq));
    seals.push({ id: Number(row.id), seq, prev_hash: head.hash, hash });
    heads.set(row.tenant_id, { seq, hash });
  }
  // sent with COMMIT: the batch costs two round trips after BEGIN
  await atCommit(tx, { sql: 'select prefiq.audit_seal($1::jsonb)', params: [JSON.stringify(seals)] });
  return rows.length;
}

/**
 * Seals pending audit entries: moves the entries committed so far (`recordAudit` leaves them in
 * `prefiq.audit_pending`) into their tenants' hash chains in `prefiq.audit_log`, oldest first,
 * each with the next `seq` and `hash = sha256(prevHash ‖ canonical row)`. Runs as the connecting
 * role (it owns the tables), a batch per transaction, each tenant's chain locked while it is
 * extended, so sealers of several nodes never fork a chain. Returns how many entries it sealed.
 *
 * @example
 * await sealAuditLog(database); // before `verifyAuditChain`, or in a job
 */
export async function sealAuditLog(
  database: Database,
  { tenantId, batchSize = 1000, maxBatches = 10 }: SealOptions = {},
): Promise<number> {
  let sealed = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const count = await database.transaction((tx) => sealBatch(tx, batchSize, tenantId?.toLowerCase()));
    sealed += count;
    if (count < batchSize) break;
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
