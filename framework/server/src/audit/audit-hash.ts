import { createHash } from 'node:crypto';
import { canonicalJson } from '../foundation/canonical-json.js';
import type { AuditActorType, AuditDiff, AuditRecord } from './audit-entry.js';

/** The part of a row its hash covers: every column but the two hashes. */
export type AuditRowContent = Omit<AuditRecord, 'prevHash' | 'hash'>;

/**
 * The canonical serialization of an audit row, which its hash covers: {@link canonicalJson} (keys
 * sorted, no whitespace) of an object with exactly these eleven members, absent values as `null`:
 *
 * `action`, `actor`, `actorType`, `at` (ISO 8601 UTC, milliseconds: `2026-11-23T16:04:00.123Z`),
 * `diff`, `entity`, `metadata`, `recordId`, `requestId`, `seq` (a number), `tenantId` (lower-case uuid).
 *
 * @example
 * canonicalAuditRow(row)
 * // '{"action":"update","actor":"0c0c…","actorType":"user","at":"2026-11-23T16:04:00.123Z","diff":{"tier":{"after":"gold","before":"standard"}},"entity":"sales.account",…,"seq":7,"tenantId":"0a0a…"}'
 */
export function canonicalAuditRow(row: AuditRowContent): string {
  return canonicalJson({
    action: row.action,
    actor: row.actor,
    actorType: row.actorType,
    at: row.at,
    diff: row.diff ?? null,
    entity: row.entity ?? null,
    metadata: row.metadata ?? null,
    recordId: row.recordId ?? null,
    requestId: row.requestId ?? null,
    seq: row.seq,
    tenantId: row.tenantId,
  });
}

/**
 * A row's hash: lower-case hex SHA-256 of the UTF-8 bytes of the previous row's hash (64 hex
 * digits; 64 zeros for a chain's first row) followed directly by the row's canonical serialization.
 *
 * @example
 * const hash = auditHash(previous.hash, row); // 'e3b0c442…'
 */
export function auditHash(prevHash: string, row: AuditRowContent): string {
  return createHash('sha256').update(prevHash, 'utf8').update(canonicalAuditRow(row), 'utf8').digest('hex');
}

/** An entry as the chain's SQL reads it for hashing: `at` through `prefiq.audit_time`, jsonb as text. */
export type StoredEntry = {
  tenant_id: string;
  at: string;
  actor_type: string;
  actor: string;
  action: string;
  entity: string | null;
  record_id: string | null;
  diff: string | null;
  request_id: string | null;
  metadata: string | null;
};

/**
 * The content an entry read as stored has at place `seq` of its chain. `diff` and `metadata` are
 * parsed here from their text, so both drivers give the same values, and the sealer hashes exactly
 * what verification reads back.
 *
 * @example
 * const hash = auditHash(prevHash, storedContent(row, seq));
 */
export function storedContent(row: StoredEntry, seq: number): AuditRowContent {
  return {
    tenantId: row.tenant_id,
    seq,
    at: row.at,
    actorType: row.actor_type as AuditActorType,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    recordId: row.record_id,
    diff: row.diff === null ? null : (JSON.parse(row.diff) as AuditDiff),
    requestId: row.request_id,
    metadata: row.metadata === null ? null : (JSON.parse(row.metadata) as Record<string, unknown>),
  };
}
