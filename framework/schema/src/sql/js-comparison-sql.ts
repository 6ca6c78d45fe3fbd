import { applyOperator } from './json-logic-eval.js';
import { JsonLogicSqlError } from './json-logic-sql-error.js';
import {
  boundNumber,
  boundText,
  isBelowSurrogates,
  type RuntimeValue,
  splitNulls,
  type Value,
} from './runtime-value.js';
import { bound, type Cond, raw, type Sql, sql } from './sql-builder.js';

/** An ordering operator of JSON Logic, also the SQL one. */
export type OrderOperator = '<' | '<=' | '>' | '>=';

/**
 * JavaScript's `a == b`, as JSON Logic's `==` does it: null equals only null, booleans count as
 * numbers, a number against a string compares with `Number()` of the string.
 *
 * @example
 * looseEqualsSql(amount, constOf('10'), '') // ("t"."amount" IS NOT NULL AND "t"."amount" = $1::bigint), params [10]
 */
export function looseEqualsSql(a: Value, b: Value, path: string): Cond {
  return splitNulls([a, b], ([x, y]) => looseEqualsCore(need(x), need(y), path));
}

/**
 * JavaScript's `a === b`: same type and value, no coercion.
 *
 * @example
 * strictEqualsSql(amount, constOf('10'), '') // FALSE
 */
export function strictEqualsSql(a: Value, b: Value, path: string): Cond {
  return splitNulls([a, b], ([x, y]) => strictEqualsCore(need(x), need(y), path));
}

/**
 * JavaScript's `a < b` (or `<=`, `>`, `>=`): two strings by code unit, anything else as numbers
 * (`null` is 0, NaN compares false).
 *
 * @example
 * compareSql('<', name, constOf('m'), '') // ("t"."name" IS NOT NULL AND "t"."name" COLLATE "C" < $1::text)
 */
export function compareSql(op: OrderOperator, a: Value, b: Value, path: string): Cond {
  return splitNulls([a, b], ([x, y]) => compareCore(op, need(x), need(y), path));
}

function need(value: Value | undefined): Value {
  if (value === undefined) throw new Error('json-logic-to-sql: operand missing after null-splitting');
  return value;
}

/** Arrays and plain objects, compared with a primitive, become their `String()` (JavaScript's ToPrimitive). */
function primitive(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? String(value) : value;
}

function refuseJson(r: RuntimeValue, what: string, path: string): never {
  throw new JsonLogicSqlError(
    'UNSUPPORTED_OPERAND',
    path,
    `${what} on ${r.label}, a jsonb value of unknown shape, has no faithful SQL form`,
  );
}

function looseEqualsCore(a: Value, b: Value, path: string): Cond {
  if (a.kind === 'const' && b.kind === 'const') return applyOperator('==', [a.value, b.value]) === true;
  const [r, other] = a.kind === 'runtime' ? [a.value, b] : [(b as { value: RuntimeValue }).value, a];
  if (other.kind === 'const') {
    // Splitting left `r` not null, and null == only null (or undefined).
    if (other.value === null) return false;
    if (r.js === 'json') refuseJson(r, '==', path);
    const c = primitive(other.value);
    if (r.js === 'string' && typeof c === 'string') return stringEquals(r, c, path);
    if (r.js === 'boolean' && typeof c === 'boolean') return c ? r.sql : sql`(NOT ${r.sql})`;
    return numericCompare('=', { kind: 'runtime', value: r }, other, path);
  }
  const s = other.value;
  if (r.js === 'json' || s.js === 'json') refuseJson(r.js === 'json' ? r : s, '==', path);
  if (r.js === s.js) return sameTypeEquals(r, s);
  return numericCompare('=', a, b, path);
}

function strictEqualsCore(a: Value, b: Value, path: string): Cond {
  if (a.kind === 'const' && b.kind === 'const') return applyOperator('===', [a.value, b.value]) === true;
  const [r, other] = a.kind === 'runtime' ? [a.value, b] : [(b as { value: RuntimeValue }).value, a];
  if (other.kind === 'const') {
    const c = other.value;
    // Arrays and objects are compared by identity: a literal is never the record's value.
    if (c === null || typeof c === 'object') return false;
    if (r.js === 'json') return jsonEqualsPrimitive(r, c, path);
    if (typeof c !== r.js) return false;
    if (typeof c === 'string') return stringEquals(r, c, path);
    if (typeof c === 'boolean') return c ? r.sql : sql`(NOT ${r.sql})`;
    if (typeof c === 'number') return Number.isNaN(c) ? false : sql`${r.sql} = ${boundNumber(c, r.integer)}`;
    return false;
  }
  const s = other.value;
  // Two jsonb values may be the same array (true) or equal arrays (false): not knowable in SQL.
  if (r.js === 'json' || s.js === 'json') refuseJson(r.js === 'json' ? r : s, '===', path);
  return r.js === s.js ? sameTypeEquals(r, s) : false;
}

function jsonEqualsPrimitive(r: RuntimeValue, c: unknown, path: string): Cond {
  if (typeof c === 'string') return sql`${r.sql} = to_jsonb(${boundText(c, path)})`;
  if (typeof c === 'boolean') return sql`${r.sql} = to_jsonb(${bound(c, 'boolean')})`;
  if (typeof c === 'number' && Number.isFinite(c)) return sql`${r.sql} = to_jsonb(${boundNumber(c, true)})`;
  return false;
}

function sameTypeEquals(r: RuntimeValue, s: RuntimeValue): Cond {
  if (r.native !== undefined && s.native !== undefined && r.native.cast === s.native.cast) {
    return sql`${r.native.sql} = ${s.native.sql}`;
  }
  return sql`${r.sql} = ${s.sql}`;
}

function stringEquals(r: RuntimeValue, c: string, path: string): Cond {
  // Equality needs no COLLATE "C": deterministic collations compare equal only byte-equal strings.
  if (r.native?.accepts(c)) return sql`${r.native.sql} = ${bound(c, r.native.cast)}`;
  return sql`${r.sql} = ${boundText(c, path)}`;
}

function compareCore(op: OrderOperator, a: Value, b: Value, path: string): Cond {
  if (a.kind === 'const' && b.kind === 'const') return applyOperator(op, [a.value, b.value]) === true;
  for (const v of [a, b]) if (v.kind === 'runtime' && v.value.js === 'json') refuseJson(v.value, op, path);
  const isString = (v: Value): boolean =>
    v.kind === 'const' ? typeof primitive(v.value) === 'string' : v.value.js === 'string';
  if (isString(a) && isString(b)) return stringCompare(op, a, b, path);
  return numericCompare(op, a, b, path);
}

function stringCompare(op: OrderOperator, a: Value, b: Value, path: string): Cond {
  const safe = (v: Value): boolean =>
    v.kind === 'const' ? isBelowSurrogates(String(primitive(v.value))) : v.value.belowSurrogates;
  if (!safe(a) && !safe(b)) {
    throw new JsonLogicSqlError(
      'UNSUPPORTED_OPERAND',
      path,
      `${op} between two strings that may hold characters from U+D800 up: JavaScript orders them by UTF-16 ` +
        'code unit, PostgreSQL by code point, and the two orders differ there',
    );
  }
  if (a.kind === 'runtime' && b.kind === 'runtime') {
    const [r, s] = [a.value, b.value];
    if (r.native !== undefined && s.native !== undefined && r.native.cast === s.native.cast) {
      return sql`${r.native.sql} ${raw(op)} ${s.native.sql}`;
    }
    return sql`${r.sql} COLLATE "C" ${raw(op)} ${s.sql}`;
  }
  const side = (v: Value, other: Value): Sql => {
    if (v.kind === 'runtime') {
      const literal = other.kind === 'const' ? String(primitive(other.value)) : undefined;
      if (literal !== undefined && v.value.native?.accepts(literal)) return v.value.native.sql;
      return sql`${v.value.sql} COLLATE "C"`;
    }
    const literal = String(primitive(v.value));
    const native = other.kind === 'runtime' ? other.value.native : undefined;
    return native?.accepts(literal) ? bound(literal, native.cast) : boundText(literal, path);
  };
  return sql`${side(a, b)} ${raw(op)} ${side(b, a)}`;
}

/** A side of a numeric comparison: JavaScript's `Number()` of it. */
type NumberSide =
  | { kind: 'nan' }
  | { kind: 'known'; value: number }
  | { kind: 'sql'; sql: Sql; integer: boolean };

function numberSide(v: Value, path: string, op: string): NumberSide {
  if (v.kind === 'const') {
    const n = Number(v.value);
    return Number.isNaN(n) ? { kind: 'nan' } : { kind: 'known', value: n };
  }
  const r = v.value;
  switch (r.js) {
    case 'number':
      return { kind: 'sql', sql: r.sql, integer: r.integer };
    case 'boolean':
      return { kind: 'sql', sql: sql`(${r.sql})::int`, integer: true };
    case 'string':
      if (r.neverNumeric) return { kind: 'nan' };
      throw new JsonLogicSqlError(
        'TYPE_MISMATCH',
        path,
        `${op} makes JavaScript turn ${r.label} (text) into a number with Number(), which SQL cannot ` +
          'reproduce for every string; compare it with a string instead',
      );
    case 'json':
      return refuseJson(r, op, path);
  }
}

/** `a op b` after JavaScript's `Number()` on both sides; NaN compares false. */
function numericCompare(op: OrderOperator | '=', a: Value, b: Value, path: string): Cond {
  const x = numberSide(a, path, op === '=' ? '==' : op);
  const y = numberSide(b, path, op === '=' ? '==' : op);
  if (x.kind === 'nan' || y.kind === 'nan') return false;
  if (x.kind === 'known' && y.kind === 'known')
    return applyOperator(op === '=' ? '==' : op, [x.value, y.value]) === true;
  const toSql = (side: NumberSide, other: NumberSide): Sql => {
    if (side.kind === 'sql') return side.sql;
    if (side.kind === 'known') return boundNumber(side.value, other.kind === 'sql' && other.integer);
    throw new Error('json-logic-to-sql: NaN side reached SQL');
  };
  return sql`${toSql(x, y)} ${raw(op)} ${toSql(y, x)}`;
}
