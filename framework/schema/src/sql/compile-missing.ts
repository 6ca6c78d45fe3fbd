import { resolveName, varName } from './compile-var.js';
import { applyOperator } from './json-logic-eval.js';
import { JsonLogicSqlError } from './json-logic-sql-error.js';
import type { CompileOptions } from './json-logic-to-sql.js';
import type { Operand } from './operand.js';
import { splitNulls } from './runtime-value.js';
import { type Cond, condOr, joinSql, type Sql, sql } from './sql-builder.js';

/** The keys `missing` checks: its arguments, or the items of its first argument when that is an array. */
function missingKeys(operands: Operand[]): Operand[] {
  const [first] = operands;
  if (first?.kind === 'const' && Array.isArray(first.value)) {
    return first.value.map((value: unknown) => ({ kind: 'const', value }));
  }
  if (first?.kind === 'array') return first.items;
  return operands;
}

/** Per key, whether json-logic-js counts it missing: its value is `null` or `''`. */
function missingConds(keys: Operand[], path: string, options: CompileOptions): Cond[] {
  return keys.map((key) => {
    const found = resolveName(varName(key, path, 'missing'), path, options);
    if (found === 'absent') return true;
    return splitNulls([found], ([v]) => {
      if (v === undefined || v.kind === 'const') return v?.value === null || v?.value === '';
      const r = v.value;
      if (r.js === 'string') return r.neverEmpty ? false : sql`${r.sql} = ''`;
      if (r.js === 'json') return sql`${r.sql} = '""'::jsonb`;
      return false;
    });
  });
}

/**
 * `missing`: the names whose value is `null` or `''`; only its emptiness reaches SQL.
 *
 * @example
 * compileMissing([constOf('name'), constOf('amount')], '', options)
 * // { kind: 'missing', nonEmpty: ("t"."name" IS NULL OR "t"."name" = '' OR "t"."amount" IS NULL) }
 */
export function compileMissing(operands: Operand[], path: string, options: CompileOptions): Operand {
  const keys = missingKeys(operands);
  const conds = missingConds(keys, path, options);
  if (conds.every((c) => typeof c === 'boolean')) {
    return {
      kind: 'const',
      value: keys.filter((_, i) => conds[i] === true).map((k) => (k.kind === 'const' ? k.value : null)),
    };
  }
  return { kind: 'missing', nonEmpty: condOr(conds), path };
}

/**
 * `missing_some(need, keys)`: `[]` when at least `need` keys are present, else the missing ones.
 * Its truth depends only on how many are missing, so the compiler lists the counts that make it
 * truthy, each decided by json-logic-js's own `>=`.
 */
export function compileMissingSome(
  need: Operand,
  options: Operand,
  path: string,
  resolver: CompileOptions,
): Operand {
  if (need.kind !== 'const' || options.kind !== 'const' || !Array.isArray(options.value)) {
    throw new JsonLogicSqlError(
      'UNSUPPORTED_OPERAND',
      path,
      'missing_some needs a count and an array of names known at compile time',
    );
  }
  const keys: Operand[] = options.value.map((value: unknown) => ({ kind: 'const', value }));
  const conds = missingConds(keys, path, resolver);
  const truthyFor = (missing: number): boolean =>
    missing > 0 && applyOperator('>=', [keys.length - missing, need.value]) !== true;
  const known = conds.filter((c) => c === true).length;
  const counted = conds.filter((c): c is Sql => typeof c !== 'boolean');
  if (counted.length === 0) {
    const missing = keys
      .filter((_, i) => conds[i] === true)
      .map((k) => (k.kind === 'const' ? k.value : null));
    return { kind: 'const', value: truthyFor(known) ? missing : [] };
  }
  const counts = Array.from({ length: counted.length + 1 }, (_, extra) => extra).filter((extra) =>
    truthyFor(known + extra),
  );
  const sum = joinSql(
    counted.map((c) => sql`(${c})::int`),
    ' + ',
  );
  let nonEmpty: Cond;
  if (counts.length === 0) nonEmpty = false;
  else if (counts.length === counted.length + 1) nonEmpty = true;
  else
    nonEmpty = sql`(${sum}) IN (${joinSql(
      counts.map((n) => [String(n)]),
      ', ',
    )})`;
  return { kind: 'missing', nonEmpty, path };
}
