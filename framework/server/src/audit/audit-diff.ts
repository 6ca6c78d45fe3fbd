import { isDeepStrictEqual } from 'node:util';
import type { AuditDiff, AuditFieldChange } from './audit-entry.js';

/** What a masked value is replaced by; the same text the logger redacts with. */
export const maskedValue = '[redacted]';

/** Masks one field's value: returns it unchanged, or with personal data replaced. */
export type FieldMask = (field: string, value: unknown) => unknown;

export interface AuditDiffOptions {
  /** the fields to compare; every field of either side unless given */
  fields?: Iterable<string>;
  /** personal data: field names whose values are masked, or a mask that may look deeper */
  pii?: ReadonlySet<string> | FieldMask;
}

function maskOf(pii: AuditDiffOptions['pii']): FieldMask {
  if (pii === undefined) return (_field, value) => value;
  if (typeof pii === 'function') return pii;
  return (field, value) => (pii.has(field) ? maskedValue : value);
}

/**
 * The fields that differ between two versions of a record, each with its value before and after
 * (a side left out where the field was absent: a create has only `after`s, a hard delete only
 * `before`s), values of personal data masked. Equal values (deeply) are left out; `null` and
 * absent differ.
 *
 * @example
 * auditDiff({ name: 'Acme', email: 'a@x.io' }, { name: 'Acme AG', email: 'b@x.io' }, { pii: new Set(['email']) })
 * // { name: { before: 'Acme', after: 'Acme AG' }, email: { before: '[redacted]', after: '[redacted]' } }
 */
export function auditDiff(
  before: Readonly<Record<string, unknown>> | undefined,
  after: Readonly<Record<string, unknown>> | undefined,
  { fields, pii }: AuditDiffOptions = {},
): AuditDiff {
  const mask = maskOf(pii);
  const names = fields ?? new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const diff: AuditDiff = {};
  for (const field of names) {
    const old = before?.[field];
    const next = after?.[field];
    if (isDeepStrictEqual(old, next)) continue;
    const change: AuditFieldChange = {};
    if (old !== undefined) change.before = mask(field, old);
    if (next !== undefined) change.after = mask(field, next);
    diff[field] = change;
  }
  return diff;
}
