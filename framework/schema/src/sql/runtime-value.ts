import { isTruthy } from './json-logic-eval.js';
import { JsonLogicSqlError } from './json-logic-sql-error.js';
import {
  bound,
  type Cond,
  condAnd,
  condOr,
  condSql,
  raw,
  type Sql,
  type SqlCast,
  sql,
} from './sql-builder.js';

/** The JavaScript type a value read from the database has when it is not null. */
export type JsType = 'string' | 'number' | 'boolean' | 'json';

/** The column's own type, to compare with literals in a form indexes can serve. */
export interface NativeForm {
  sql: Sql;
  cast: Extract<SqlCast, 'date' | 'timestamptz' | 'uuid'>;
  /** whether a string is the exact JSON form of a value of this type (then native order = string order) */
  accepts(literal: string): boolean;
}

/** A value known only when the query runs (internal to the compiler). */
export interface RuntimeValue {
  js: JsType;
  /** the value as its JavaScript form: text for strings (dates as 'YYYY-MM-DD'), numbers, boolean, jsonb */
  sql: Sql;
  nullable: boolean;
  /** what the rule called it, for messages */
  label: string;
  /** repeats of one column share a key, so null-splitting treats them as one */
  key?: string;
  /** numbers: always an integer, so a bound integer can be `bigint` and `String(n)` is `n::text` */
  integer: boolean;
  /** strings: `Number(s)` is NaN for every value it can take (dates, timestamps, uuids) */
  neverNumeric: boolean;
  /** strings: never `''` */
  neverEmpty: boolean;
  /** strings: only characters below U+D800, where UTF-8 byte order is UTF-16 code-unit order */
  belowSurrogates: boolean;
  native?: NativeForm;
  /** for a condition used as a value: the condition itself, to test its truth without extra parentheses */
  truth?: Sql;
}

/** An operand reduced to a value: known now, or read by the query. */
export type Value = { kind: 'const'; value: unknown } | { kind: 'runtime'; value: RuntimeValue };

export const nullValue: Value = { kind: 'const', value: null };

/** With the `u` flag a surrogate pair is one code point, so this finds lone surrogates only. */
const loneSurrogate = /[\uD800-\uDFFF]/u;

/** Whether every character of `s` is below U+D800. */
export function isBelowSurrogates(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0xd800) return false;
  return true;
}

/** A bound string. NUL and lone surrogates are refused: PostgreSQL text cannot hold them as they are. */
export function boundText(value: string, path: string): Sql {
  if (value.includes('\u0000') || loneSurrogate.test(value)) {
    throw new JsonLogicSqlError(
      'UNSUPPORTED_OPERAND',
      path,
      `string ${JSON.stringify(value)} holds NUL or a lone surrogate, which PostgreSQL text cannot store`,
    );
  }
  return bound(value, 'text');
}

/** A bound number, `bigint` when both sides are integers (so an index on an integer column serves). */
export function boundNumber(value: number, integerSide: boolean): Sql {
  return integerSide && Number.isSafeInteger(value) ? bound(value, 'bigint') : bound(value, 'float8');
}

/** SQL tests that the value is, and is not, JavaScript `null` (JSON null counts, for jsonb). */
function nullTests(value: RuntimeValue): { isNull: Sql; isSet: Sql } {
  if (value.js === 'json') {
    return {
      isNull: sql`COALESCE(jsonb_typeof(${value.sql}) = 'null', TRUE)`,
      isSet: sql`COALESCE(jsonb_typeof(${value.sql}) <> 'null', FALSE)`,
    };
  }
  const target = value.native?.sql ?? value.sql;
  return { isNull: sql`${target} IS NULL`, isSet: sql`${target} IS NOT NULL` };
}

/**
 * `isNull ? whenNull : whenSet`. `whenSet` may be NULL where the value is null (it may mention the
 * value), so it is only ever AND-ed with `isSet` or OR-ed with it being false.
 */
function ifNull(value: RuntimeValue, whenNull: Cond, whenSet: Cond): Cond {
  const { isNull, isSet } = nullTests(value);
  if (whenNull === whenSet && typeof whenNull === 'boolean') return whenNull;
  if (whenNull === true) return condOr([isNull, whenSet]);
  if (whenNull === false) return condAnd([isSet, whenSet]);
  if (whenSet === true) return condOr([isSet, whenNull]);
  if (whenSet === false) return condAnd([isNull, whenNull]);
  return condOr([condAnd([isNull, whenNull]), condAnd([isSet, whenSet])]);
}

/**
 * Calls `core` with every nullable runtime value replaced, in turn, by `null` and by itself known
 * not to be null, and joins the answers with `IS NULL` tests. `core` then only meets values that
 * are not NULL, and JavaScript's rules for `null` are written once, as constants.
 *
 * @example
 * // amount < 5, where null < 5 is 0 < 5, true:
 * splitNulls([amount, five], ([a, b]) => compareCore('<', a, b)) // ("t"."amount" IS NULL OR "t"."amount" < $1::bigint)
 */
export function splitNulls(values: readonly Value[], core: (values: Value[]) => Cond): Cond {
  const index = values.findIndex((v) => v.kind === 'runtime' && v.value.nullable);
  const found = values[index];
  if (found === undefined || found.kind !== 'runtime') return core([...values]);
  const target = found.value;
  const same = (v: Value): boolean =>
    v.kind === 'runtime' && (v.value === target || (target.key !== undefined && v.value.key === target.key));
  const set: Value = { kind: 'runtime', value: { ...target, nullable: false } };
  const whenNull = splitNulls(
    values.map((v) => (same(v) ? nullValue : v)),
    core,
  );
  const whenSet = splitNulls(
    values.map((v) => (same(v) ? set : v)),
    core,
  );
  return ifNull(target, whenNull, whenSet);
}

/**
 * JSON Logic truthiness of a value: not null, and not `0`, `''`, `false` or `[]`.
 *
 * @example
 * truthySql(name) // ("t"."name" IS NOT NULL AND "t"."name" <> '')
 */
export function truthySql(value: Value): Cond {
  return splitNulls([value], ([v]) => {
    if (v === undefined || v.kind === 'const') return isTruthy(v?.value);
    const r = v.value;
    switch (r.js) {
      case 'number':
        return sql`${r.sql} <> 0`;
      case 'string':
        return r.neverEmpty ? true : sql`${r.sql} <> ''`;
      case 'boolean':
        return r.truth ?? r.sql;
      case 'json':
        return sql`(CASE jsonb_typeof(${r.sql}) WHEN 'boolean' THEN ${r.sql} = 'true'::jsonb WHEN 'number' THEN ${r.sql} <> '0'::jsonb WHEN 'string' THEN ${r.sql} <> '""'::jsonb WHEN 'array' THEN jsonb_array_length(${r.sql}) > 0 ELSE TRUE END)`;
    }
  });
}

/** A runtime boolean that is never NULL, for a condition used as a value. */
export function condValue(cond: Cond, label: string): Value {
  if (typeof cond === 'boolean') return { kind: 'const', value: cond };
  return {
    kind: 'runtime',
    value: {
      js: 'boolean',
      // Parenthesized: it now sits next to other operators (`a = b` inside `x = (a = b)`).
      sql: condSql(cond),
      truth: cond,
      nullable: false,
      label,
      integer: false,
      neverNumeric: false,
      neverEmpty: false,
      belowSurrogates: false,
    },
  };
}

/** A NULL of the SQL type that carries a JavaScript type, for a CASE branch giving `null`. */
export function typedNull(js: Exclude<JsType, 'json'>): Sql {
  const cast = { string: 'text', number: 'float8', boolean: 'boolean' }[js];
  return raw(`NULL::${cast}`);
}
