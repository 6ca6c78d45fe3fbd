import { strictEqualsSql } from './js-comparison-sql.js';
import { applyOperator } from './json-logic-eval.js';
import { JsonLogicSqlError } from './json-logic-sql-error.js';
import { boundNumber, boundText, type RuntimeValue, splitNulls, type Value } from './runtime-value.js';
import { bound, type Cond, condOr, joinSql, raw, type Sql, sql } from './sql-builder.js';

/**
 * JSON Logic's `in`: `b.indexOf(a) !== -1` when `b` is a non-empty string (substring, after
 * `String(a)`) or an array (strict equality per element); false for anything else.
 *
 * @example
 * inSql(status, constOf(['open', 'won']), '') // ("t"."status" IS NOT NULL AND "t"."status" IN ($1::text, $2::text))
 */
export function inSql(needle: Value, haystack: Value, path: string): Cond {
  return splitNulls([needle, haystack], ([a, b]) => {
    if (a === undefined || b === undefined) throw new Error('json-logic-to-sql: operand missing');
    return inCore(a, b, path);
  });
}

/** `in` with an array literal some of whose items are only known at run time. */
export function inListSql(needle: Value, items: readonly Value[], path: string): Cond {
  return condOr(items.map((item) => strictEqualsSql(needle, item, path)));
}

function inCore(a: Value, b: Value, path: string): Cond {
  if (a.kind === 'const' && b.kind === 'const') return applyOperator('in', [a.value, b.value]) === true;
  if (b.kind === 'const') {
    const haystack = b.value;
    const runtimeNeedle = a as { kind: 'runtime'; value: RuntimeValue };
    if (typeof haystack === 'string' && haystack !== '') {
      return sql`strpos(${boundText(haystack, path)}, ${stringOf(runtimeNeedle.value, path)}) > 0`;
    }
    if (Array.isArray(haystack)) return inConstArray(runtimeNeedle, haystack, path);
    return false;
  }
  const r = b.value;
  if (r.js === 'number' || r.js === 'boolean') return false;
  const needle = a.kind === 'const' ? boundText(String(a.value), path) : stringOf(a.value, path);
  if (r.js === 'string') {
    // '' has an indexOf, but json-logic-js's `!b` turns it away first.
    const nonEmpty = r.neverEmpty ? [] : [sql`${r.sql} <> ''`];
    return sql`(${joinSql([...nonEmpty, sql`strpos(${r.sql}, ${needle}) > 0`], ' AND ')})`;
  }
  const element = a.kind === 'const' ? jsonElementOfConst(a.value, path) : jsonElementOf(a.value, path);
  const inArray = element === undefined ? raw('FALSE') : sql`${r.sql} @> jsonb_build_array(${element})`;
  return sql`(CASE jsonb_typeof(${r.sql}) WHEN 'array' THEN ${inArray} WHEN 'string' THEN (${r.sql} <> '""'::jsonb AND strpos(${r.sql} #>> '{}', ${needle}) > 0) ELSE FALSE END)`;
}

/** `[..].indexOf(r)`: an `IN` list of the items of r's type (the others can never be `===`). */
function inConstArray(
  needle: { kind: 'runtime'; value: RuntimeValue },
  items: unknown[],
  path: string,
): Cond {
  const r = needle.value;
  if (r.js === 'json') {
    return condOr(items.map((item) => strictEqualsSql(needle, { kind: 'const', value: item }, path)));
  }
  const same = items.filter((item) => typeof item === r.js && !Number.isNaN(item));
  if (same.length === 0) return false;
  if (same.length === 1) return strictEqualsSql(needle, { kind: 'const', value: same[0] }, path);
  if (r.js === 'boolean') return condOr(same.map((item) => (item ? r.sql : sql`(NOT ${r.sql})`)));
  if (r.js === 'number') {
    const list = same.map((item) => boundNumber(item as number, r.integer));
    return sql`${r.sql} IN (${joinSql(list, ', ')})`;
  }
  const strings = same as string[];
  const native = r.native;
  if (native !== undefined && strings.every((s) => native.accepts(s))) {
    return sql`${native.sql} IN (${joinSql(
      strings.map((s) => bound(s, native.cast)),
      ', ',
    )})`;
  }
  return sql`${r.sql} IN (${joinSql(
    strings.map((s) => boundText(s, path)),
    ', ',
  )})`;
}

/** SQL for JavaScript's `String(r)` of a value that is not null. */
function stringOf(r: RuntimeValue, path: string): Sql {
  switch (r.js) {
    case 'string':
      return r.sql;
    case 'boolean':
      return sql`(CASE WHEN ${r.sql} THEN 'true' ELSE 'false' END)`;
    case 'number':
      if (r.integer) return sql`(${r.sql})::text`;
      throw new JsonLogicSqlError(
        'UNSUPPORTED_OPERAND',
        path,
        `in looks for String(${r.label}) in a string; JavaScript and PostgreSQL write fractional numbers differently`,
      );
    case 'json':
      throw new JsonLogicSqlError(
        'UNSUPPORTED_OPERAND',
        path,
        `in with ${r.label}, a jsonb value, as the needle`,
      );
  }
}

/** The jsonb element a constant needle equals, if it can equal one (objects and arrays never do). */
function jsonElementOfConst(value: unknown, path: string): Sql | undefined {
  if (value === null) return raw('NULL::text');
  if (typeof value === 'string') return boundText(value, path);
  if (typeof value === 'boolean') return bound(value, 'boolean');
  if (typeof value === 'number' && Number.isFinite(value)) return boundNumber(value, true);
  return undefined;
}

function jsonElementOf(r: RuntimeValue, path: string): Sql {
  if (r.js === 'json') {
    throw new JsonLogicSqlError(
      'UNSUPPORTED_OPERAND',
      path,
      `in with ${r.label}, a jsonb value, as the needle`,
    );
  }
  return r.sql;
}
