import { and, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../data/database.js';
import { DomainError } from '../errors/domain-error.js';
import type { AuditActorType, AuditDiff, AuditRecord } from './audit-entry.js';
import { auditLog } from './audit-log-table.js';

/** Filters and page of an audit log read; every filter is optional and they combine by AND. */
export interface AuditLogQuery {
  /** a user id, an API key id, or `system` */
  actor?: string | undefined;
  /** `<app>.<entity>` */
  entity?: string | undefined;
  recordId?: string | undefined;
  /** any of these actions */
  action?: readonly string[] | undefined;
  /** entries at or after this time (ISO 8601) */
  from?: string | undefined;
  /** entries before this time (ISO 8601) */
  to?: string | undefined;
  /** `nextCursor` of the previous page */
  cursor?: string | undefined;
  pageSize?: number | undefined;
}

export interface AuditLogPage {
  /** newest first */
  items: AuditRecord[];
  /** cursor of the next (older) page; `null` on the last page */
  nextCursor: string | null;
}

const cursorPrefix = 'audit:';

/** A check of the seq in the cursor, so a cut or mistyped cursor is refused, not read as another seq. */
function cursorCheck(seq: number): string {
  return String(seq % 97).padStart(2, '0');
}

/**
 * A page's cursor: the `seq` it ends at and a two-digit check of it. Not signed: a made-up one only
 * moves the page within the caller's own tenant's log, which every filter and the tenant still
 * bound; the check refuses a cursor cut short (`audit:12345:67` → `audit:123`), which would
 * otherwise name an older page.
 */
export function encodeAuditCursor(seq: number): string {
  return Buffer.from(`${cursorPrefix}${seq}:${cursorCheck(seq)}`).toString('base64url');
}

function decodeAuditCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const parts = /^audit:([0-9]{1,16}):([0-9]{2})$/.exec(text);
  const seq = parts ? Number(parts[1]) : Number.NaN;
  if (
    !/^[A-Za-z0-9_-]+$/.test(cursor) ||
    !Number.isSafeInteger(seq) ||
    seq < 1 ||
    parts?.[2] !== cursorCheck(seq)
  ) {
    throw new DomainError('INVALID_CURSOR', 'The cursor is not one this API issued', {
      issues: [{ path: '/cursor', code: 'cursor', message: 'is not a cursor of the audit log' }],
    });
  }
  return seq;
}

/**
 * One page of a tenant's audit log, newest first (by `seq`), filtered; keyset-paged by `seq`, so
 * rows appended meanwhile never shift a page.
 *
 * @throws {DomainError} `INVALID_CURSOR` for a cursor this API did not issue
 *
 * @example
 * const page = await readAuditLog(tx, tenantId, { entity: 'sales.account', recordId: id, pageSize: 20 });
 */
export async function readAuditLog(
  db: Db,
  tenantId: string,
  { actor, entity, recordId, action, from, to, cursor, pageSize = 50 }: AuditLogQuery = {},
): Promise<AuditLogPage> {
  const conditions: SQL[] = [eq(auditLog.tenantId, tenantId)];
  if (actor !== undefined) conditions.push(eq(auditLog.actor, actor));
  if (entity !== undefined) conditions.push(eq(auditLog.entity, entity));
  if (recordId !== undefined) conditions.push(eq(auditLog.recordId, recordId));
  if (action !== undefined && action.length > 0) conditions.push(inArray(auditLog.action, [...action]));
  if (from !== undefined) conditions.push(gte(auditLog.at, from));
  if (to !== undefined) conditions.push(lt(auditLog.at, to));
  if (cursor !== undefined) conditions.push(lt(auditLog.seq, decodeAuditCursor(cursor)));
  const rows = await db
    .select({
      tenantId: auditLog.tenantId,
      seq: auditLog.seq,
      // the chain's own text of the time, exactly what the hash covers
      at: sql<string>`prefiq.audit_time(${auditLog.at})`,
      actorType: auditLog.actorType,
      actor: auditLog.actor,
      action: auditLog.action,
      entity: auditLog.entity,
      recordId: auditLog.recordId,
      diff: auditLog.diff,
      requestId: auditLog.requestId,
      metadata: auditLog.metadata,
      prevHash: auditLog.prevHash,
      hash: auditLog.hash,
    })
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.seq))
    .limit(pageSize + 1);
  const items = rows.slice(0, pageSize).map(
    (row): AuditRecord => ({
      ...row,
      seq: Number(row.seq),
      actorType: row.actorType as AuditActorType,
      diff: (row.diff ?? null) as AuditDiff | null,
      metadata: (row.metadata ?? null) as Record<string, unknown> | null,
    }),
  );
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > pageSize && last !== undefined ? encodeAuditCursor(last.seq) : null,
  };
}
