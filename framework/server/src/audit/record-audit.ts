import { sql } from 'drizzle-orm';
import type { Db } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import { pgErrorOf } from '../data/pg-error.js';
import type { AuditEntry, AuditRecord } from './audit-entry.js';
import { auditHash } from './audit-hash.js';
import { auditLog } from './audit-log-table.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const actionName = /^[a-z][a-z0-9_.]{0,62}$/;
/** rows per INSERT: 13 parameters each stays far below PostgreSQL's 65535 */
const insertChunk = 1000;
const loneSurrogateOrNul = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\0/g;

/**
 * Text as the database will store it: PostgreSQL refuses NUL in text and JSON, and stores a lone
 * UTF-16 surrogate as U+FFFD. Hashing the stored form keeps a row verifiable after the round trip.
 */
function storable(text: string): string {
  return text.replace(loneSurrogateOrNul, '\uFFFD');
}

function storableValue(value: unknown): unknown {
  if (typeof value === 'string') return storable(value);
  if (Array.isArray(value)) return value.map(storableValue);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [storable(key), storableValue(child)]),
  );
}

/** A JSON value exactly as jsonb gives it back (a JSON round trip, then text made storable). */
function storableJson<T>(value: T | undefined): T | null {
  if (value === undefined || value === null) return null;
  const text = JSON.stringify(value);
  return text === undefined ? null : (storableValue(JSON.parse(text)) as T);
}

function optionalText(value: string | undefined, what: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new TypeError(`recordAudit: ${what} must be a string`);
  return storable(value);
}

/** The row of an entry, but for its place in the chain (seq, time, hashes). */
type Pending = Omit<AuditRecord, 'seq' | 'at' | 'prevHash' | 'hash'>;

function pending(entry: AuditEntry): Pending {
  const { tenantId, actor, action } = entry;
  if (typeof tenantId !== 'string' || !uuid.test(tenantId)) {
    throw new TypeError(
      `recordAudit: tenantId must be a uuid (platformTenantId for no tenant), got ${String(tenantId)}`,
    );
  }
  if (typeof action !== 'string' || !actionName.test(action)) {
    throw new TypeError(`recordAudit: action must match ${actionName.source}, got ${String(action)}`);
  }
  const actorId = actor.type === 'system' ? (actor.id ?? 'system') : actor.id;
  if (!['user', 'api_key', 'system'].includes(actor.type) || typeof actorId !== 'string' || actorId === '') {
    throw new TypeError('recordAudit: actor must be { type: "user" | "api_key", id } or { type: "system" }');
  }
  return {
    tenantId: tenantId.toLowerCase(),
    actorType: actor.type,
    actor: storable(actorId),
    action,
    entity: optionalText(entry.entity, 'entity'),
    recordId: optionalText(entry.recordId, 'recordId'),
    diff: storableJson(entry.diff),
    requestId: optionalText(entry.requestId, 'requestId'),
    metadata: storableJson(entry.metadata),
  };
}

interface ChainHead {
  seq: number;
  hash: string;
  at: string;
}

/**
 * Locks the tenant's chain for the rest of the transaction and reads its head, in one round trip
 * (`prefiq.audit_chain_head`: `pg_advisory_xact_lock`, then the last row, then the time).
 */
async function chainHead(tx: Db, tenantId: string): Promise<ChainHead> {
  const [row] = await executeRows<{ seq: string | number; hash: string; at: string }>(
    tx,
    sql`select head_seq::text as seq, head_hash as hash, head_at as at from prefiq.audit_chain_head(${tenantId}::uuid)`,
  );
  if (row === undefined) throw new Error('prefiq.audit_chain_head returned no row');
  return { seq: Number(row.seq), hash: row.hash, at: row.at };
}

function explain(error: unknown, tenantId: string): unknown {
  const info = pgErrorOf(error);
  if (info?.code === '42501' && /row-level security/i.test(info.message)) {
    return new Error(
      `recordAudit: the transaction is not in tenant ${tenantId}: run it with database.transaction(work, { tenantId }) so row-level security lets the entry in`,
      { cause: error },
    );
  }
  if (info?.code === '42P01') {
    return new Error(
      'recordAudit: prefiq.audit_log does not exist: apply the framework migrations (prefiq migrate)',
      {
        cause: error,
      },
    );
  }
  return error;
}

/**
 * Appends entries to their tenants' audit chains inside the caller's transaction, so they commit
 * or roll back with the change they record. Each row gets the next `seq` of its tenant, the
 * transaction's time and `hash = sha256(prevHash ‖ canonical row)` (see `canonicalAuditRow`).
 * Writers of one tenant are serialized by a transaction-scoped advisory lock taken here and held
 * until commit: record the entry as the transaction's last step, after its row locks, and keep the
 * transaction short. The transaction must be in the entry's tenant (`{ tenantId }`), which
 * row-level security checks for roles that do not own the table, and READ COMMITTED (the default).
 *
 * @example
 * await database.transaction(
 *   (tx) => recordAudit(tx, { tenantId, actor: { type: 'user', id: userId }, action: 'login', requestId }),
 *   { tenantId },
 * );
 */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<AuditRecord>;
export async function recordAudit(tx: Db, entries: readonly AuditEntry[]): Promise<AuditRecord[]>;
export async function recordAudit(
  tx: Db,
  input: AuditEntry | readonly AuditEntry[],
): Promise<AuditRecord | AuditRecord[]> {
  const single = !Array.isArray(input);
  const rows = (single ? [input as AuditEntry] : (input as readonly AuditEntry[])).map(pending);
  const records: AuditRecord[] = new Array(rows.length);
  // tenants in a fixed order, so two batches spanning the same tenants cannot deadlock
  const tenants = [...new Set(rows.map((row) => row.tenantId))].sort();
  for (const tenantId of tenants) {
    try {
      const head = await chainHead(tx, tenantId);
      let { seq, hash } = head;
      const appended: AuditRecord[] = [];
      rows.forEach((row, index) => {
        if (row.tenantId !== tenantId) return;
        seq += 1;
        const content = { ...row, seq, at: head.at };
        const record: AuditRecord = { ...content, prevHash: hash, hash: auditHash(hash, content) };
        hash = record.hash;
        records[index] = record;
        appended.push(record);
      });
      for (let start = 0; start < appended.length; start += insertChunk) {
        await tx.insert(auditLog).values(appended.slice(start, start + insertChunk));
      }
    } catch (error) {
      throw explain(error, tenantId);
    }
  }
  if (single) {
    const [record] = records;
    if (record === undefined) throw new Error('recordAudit: no row was appended');
    return record;
  }
  return records;
}
