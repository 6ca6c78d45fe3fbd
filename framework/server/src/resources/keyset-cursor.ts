import { createHmac, timingSafeEqual } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { DomainError } from '../errors/domain-error.js';
import type { FieldPlan } from './entity-plan.js';
import { type Bind, inline } from './statement-binder.js';

/** One key of a list's order. */
export interface SortKey {
  field: FieldPlan;
  descending: boolean;
}

/** `-createdAt,id`: the order a cursor belongs to. */
export function sortSignature(keys: readonly SortKey[]): string {
  return keys.map((k) => `${k.descending ? '-' : ''}${k.field.name}`).join(',');
}

function sign(secret: string | Uint8Array, scope: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(scope).update('\n').update(payload).digest().subarray(0, 16);
}

function invalidCursor(message: string): DomainError {
  return new DomainError('INVALID_CURSOR', message, {
    issues: [{ path: '/cursor', code: 'cursor', message }],
  });
}

/**
 * An opaque cursor for the row after which the next page starts: its sort values and id as
 * base64url JSON, with an HMAC so that a client can neither forge nor edit one. `scope` (the
 * entity) and the sort order are part of what is signed and checked.
 *
 * @example
 * const cursor = encodeCursor(secret, 'sales.opportunity', keys, [last.createdAt, last.id]);
 */
export function encodeCursor(
  secret: string | Uint8Array,
  scope: string,
  keys: readonly SortKey[],
  values: readonly unknown[],
): string {
  const payload = Buffer.from(JSON.stringify([sortSignature(keys), values])).toString('base64url');
  return `${payload}.${sign(secret, scope, payload).toString('base64url')}`;
}

function acceptsValue(field: FieldPlan, value: unknown): boolean {
  if (value === null) return field.nullable;
  switch (field.kind) {
    case 'integer':
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return typeof value === 'string';
  }
}

/**
 * The sort values a cursor carries, after checking its signature and that it was made for this
 * entity and this order.
 *
 * @throws {DomainError} `INVALID_CURSOR` when forged, edited, truncated or made for another order
 *
 * @example
 * const [createdAt, id] = decodeCursor(secret, 'sales.opportunity', keys, query.cursor);
 */
export function decodeCursor(
  secret: string | Uint8Array,
  scope: string,
  keys: readonly SortKey[],
  cursor: string,
): unknown[] {
  const [payload, signature, extra] = cursor.split('.');
  if (payload === undefined || signature === undefined || extra !== undefined) {
    throw invalidCursor('The cursor is not one this API issued');
  }
  const expected = sign(secret, scope, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalidCursor('The cursor is not one this API issued');
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor('The cursor is not one this API issued');
  }
  if (!Array.isArray(decoded) || decoded.length !== 2 || !Array.isArray(decoded[1])) {
    throw invalidCursor('The cursor is not one this API issued');
  }
  const [signature_, values] = decoded as [unknown, unknown[]];
  if (signature_ !== sortSignature(keys)) {
    throw invalidCursor(
      `The cursor belongs to another sort order (${String(signature_)}); start again without it`,
    );
  }
  if (values.length !== keys.length || !keys.every((k, i) => acceptsValue(k.field, values[i]))) {
    throw invalidCursor('The cursor is not one this API issued');
  }
  return values;
}

function bound(field: FieldPlan, value: unknown, bind: Bind): SQL {
  return sql`cast(${bind(value)} as ${sql.raw(field.cast)})`;
}

/**
 * `ORDER BY` terms: ascending with NULLs last, descending with NULLs first (PostgreSQL's own
 * defaults, spelled out so that the keyset condition below agrees with them).
 */
export function orderBy(keys: readonly SortKey[]): SQL[] {
  return keys.map((k) =>
    k.descending ? sql`${k.field.column} desc nulls first` : sql`${k.field.column} asc nulls last`,
  );
}

/**
 * The condition "comes after the row with these sort values" for {@link orderBy}'s order. The last
 * key is unique (the id), so no row is both skipped and repeated across pages. A row-value
 * comparison when every key is NOT NULL and goes one way (it uses the index best); otherwise the
 * expanded form that places NULLs where the order does.
 *
 * @example
 * keysetCondition([{ field: createdAt, descending: true }, { field: id, descending: true }], [t, id])
 * // ("created_at", "id") < (cast($1 as timestamptz), cast($2 as uuid))
 */
export function keysetCondition(
  keys: readonly SortKey[],
  values: readonly unknown[],
  bind: Bind = inline,
): SQL {
  const first = keys[0];
  if (
    first !== undefined &&
    keys.every((k, i) => !k.field.nullable && values[i] !== null && k.descending === first.descending)
  ) {
    const columns = sql.join(
      keys.map((k) => sql`${k.field.column}`),
      sql`, `,
    );
    const params = sql.join(
      keys.map((k, i) => bound(k.field, values[i], bind)),
      sql`, `,
    );
    return first.descending ? sql`(${columns}) < (${params})` : sql`(${columns}) > (${params})`;
  }
  const branches: SQL[] = [];
  keys.forEach((key, i) => {
    const equal = keys.slice(0, i).map((k, j) => {
      const v = values[j];
      return v === null
        ? sql`${k.field.column} is null`
        : sql`${k.field.column} = ${bound(k.field, v, bind)}`;
    });
    const v = values[i];
    let after: SQL | undefined;
    if (key.descending) {
      after =
        v === null
          ? sql`${key.field.column} is not null`
          : sql`${key.field.column} < ${bound(key.field, v, bind)}`;
    } else if (v !== null) {
      after = key.field.nullable
        ? sql`(${key.field.column} > ${bound(key.field, v, bind)} or ${key.field.column} is null)`
        : sql`${key.field.column} > ${bound(key.field, v, bind)}`;
    }
    // ascending, value NULL: NULLs come last, so only a later key can move past this row
    if (after !== undefined) branches.push(sql`(${sql.join([...equal, after], sql` and `)})`);
  });
  return branches.length === 0 ? sql`false` : sql`(${sql.join(branches, sql` or `)})`;
}
