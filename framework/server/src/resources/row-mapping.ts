import type { EntityPlan, FieldPlan } from './entity-plan.js';

/** A record as the API shows it: camelCase properties, JSON values. */
export type ApiRecord = Record<string, unknown>;

const timestampText = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.(\d+))?(Z|[+-]\d\d(?::?\d\d)?)?$/;

/**
 * A PostgreSQL `timestamptz` text (`2026-11-23 16:04:00.123456+00`, whatever the session's
 * offset) as the API's ISO 8601 form, `Date#toISOString()` (milliseconds, UTC): the form the
 * JSON Logic SQL compiler and the browser compare against.
 *
 * @example
 * timestampToIso('2026-11-23 16:04:00.123456+02') // '2026-11-23T14:04:00.123Z'
 */
export function timestampToIso(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : value.toISOString();
  if (typeof value !== 'string') return value;
  const match = timestampText.exec(value);
  if (match === null) return value;
  const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match;
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  // sessions run in UTC, so this is the common case; it needs no Date (lists map many timestamps)
  if (zone === 'Z' || zone === '+00' || zone === '+00:00' || zone === '+0000') {
    return `${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}Z`;
  }
  const offset =
    zone.length === 3 ? `${zone}:00` : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const time = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}${offset}`);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

function apiValue(field: FieldPlan, value: unknown): unknown {
  switch (field.kind) {
    case 'timestamp':
      return timestampToIso(value);
    case 'integer':
    case 'number':
      // bigint and numeric may arrive as text; the contract says number
      return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
        ? Number(value)
        : value;
    default:
      return value;
  }
}

/**
 * A row (keyed by property, driver values) as the API's record: timestamps in ISO form, numbers as
 * numbers, and a NULL left out where the schema has no `null` (absent is not null), shown as
 * `null` where it has. With `fields`, only those properties.
 *
 * @example
 * toApiRecord(plan, { id, title: 'Deal', lostReason: null, amount: null })
 * // { id, title: 'Deal', lostReason: null }   (amount's schema allows null; here it does not)
 */
export function toApiRecord(
  plan: EntityPlan,
  row: Readonly<Record<string, unknown>>,
  fields?: ReadonlySet<string>,
): ApiRecord {
  const record: ApiRecord = {};
  for (const field of plan.fields.values()) {
    if (fields !== undefined && !fields.has(field.name)) continue;
    const value = row[field.name];
    if (value === null || value === undefined) {
      if (field.allowsNull && value === null) record[field.name] = null;
      continue;
    }
    record[field.name] = apiValue(field, value);
  }
  return record;
}

/**
 * The writable part of a record (author fields and `custom`) as column values keyed by property,
 * for drizzle's insert and update: an absent property becomes NULL.
 *
 * @example
 * toColumnValues(plan, { title: 'Deal' }) // { title: 'Deal', amount: null, ... }
 */
export function toColumnValues(plan: EntityPlan, record: Readonly<ApiRecord>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of plan.authorFields) {
    values[field.name] = record[field.name] ?? null;
  }
  if (plan.fields.has('custom')) values.custom = record.custom ?? {};
  return values;
}
