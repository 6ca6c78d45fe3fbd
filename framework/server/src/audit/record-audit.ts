import { isUuid } from '@codexion/schema';
import { afterCommit, atCommit } from '../data/commit-hooks.js';
import type { Db } from '../data/database.js';
import { insertQuery } from '../data/insert-statement.js';
import { pgErrorOf } from '../data/pg-error.js';
import type { AuditEntry, AuditRecord } from './audit-entry.js';
import { auditPending } from './audit-log-table.js';
import { sealSoon } from './seal-audit-log.js';

const actionName = /^[a-z][a-z0-9_.]{0,62}$/;
/** rows per INSERT: 9 parameters each stays far below PostgreSQL's 65535 */
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

/**
 * NUL and lone surrogates as `JSON.stringify` writes them: always escaped (`\u0000`, `\udXXX`),
 * never raw; a surrogate pair is written as its characters.
 */
const escapedNulOrSurrogate = /\\u(?:0000|d[89a-f])/i;

/** A JSON value exactly as jsonb gives it back (a JSON round trip, then text made storable). */
function storableJson<T>(value: T | undefined): T | null {
  if (value === undefined || value === null) return null;
  const text = JSON.stringify(value);
  if (text === undefined) return null;
  const parsed = JSON.parse(text) as T;
  // most entries hold neither: the round trip alone is their stored form
  return escapedNulOrSurrogate.test(text) ? (storableValue(parsed) as T) : parsed;
}

function optionalText(value: string | undefined, what: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new TypeError(`recordAudit: ${what} must be a string`);
  return storable(value);
}

/** The row of an entry as it waits for its seal: no place in the chain yet, no time (the database's). */
type Pending = Omit<AuditRecord, 'seq' | 'at' | 'prevHash' | 'hash'>;

function pending(entry: AuditEntry): Pending {
  const { tenantId, actor, action } = entry;
  if (typeof tenantId !== 'string' || !isUuid(tenantId)) {
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

function explain(error: unknown, tenantIds: readonly string[]): unknown {
  const info = pgErrorOf(error);
  if (info?.code === '42501' && /row-level security/i.test(info.message)) {
    return new Error(
      `recordAudit: the transaction is not in tenant ${tenantIds.join(', ')}: run it with database.transaction(work, { tenantId }) so row-level security lets the entry in`,
      { cause: error },
    );
  }
  if (info?.code === '42P01') {
    return new Error(
      'recordAudit: prefiq.audit_pending does not exist: apply the framework migrations (prefiq migrate)',
      { cause: error },
    );
  }
  return error;
}

/**
 * Appends entries to the audit log inside the caller's transaction, so they commit or roll back
 * with the change they record: the INSERT goes out with the transaction's COMMIT (`atCommit`), and
 * if it fails nothing commits. No lock is taken: an entry waits in `prefiq.audit_pending` until a
 * sealer gives it the next `seq` of its tenant's chain and its hash (see `sealAuditLog`); once the
 * transaction has committed, it seals (`sealSoon`) before `database.transaction` resolves, so the
 * chain holds the entry when the caller goes on (unless sealing failed; then the next pass takes
 * it). The time recorded is the transaction's. The transaction must be in the entry's tenant
 * (`{ tenantId }`), which row-level security checks for roles that do not own the table.
 *
 * @example
 * await database.transaction(
 *   (tx) => recordAudit(tx, { tenantId, actor: { type: 'user', id: userId }, action: 'login', requestId }),
 *   { tenantId },
 * );
 */
export async function recordAudit(tx: Db, input: AuditEntry | readonly AuditEntry[]): Promise<void> {
  const rows = (Array.isArray(input) ? (input as readonly AuditEntry[]) : [input as AuditEntry]).map(pending);
  if (rows.length === 0) return;
  const tenants = [...new Set(rows.map((row) => row.tenantId))];
  for (let start = 0; start < rows.length; start += insertChunk) {
    // sent with the transaction's COMMIT: an entry costs no round trip of its own
    await atCommit(tx, insertQuery(tx, auditPending, rows.slice(start, start + insertChunk)), (error) =>
      explain(error, tenants),
    );
  }
  afterCommit(tx, sealSoon);
}
