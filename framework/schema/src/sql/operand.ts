import { JsonLogicSqlError } from './json-logic-sql-error.js';
import {
  boundNumber,
  boundText,
  isBelowSurrogates,
  nullValue,
  type RuntimeValue,
  truthySql,
  typedNull,
  type Value,
} from './runtime-value.js';
import { bound, type Cond, condAnd, condIf, condNot, condOr, type Sql, sql } from './sql-builder.js';

/**
 * What a compiled sub-rule stands for (internal). `and`, `or` and `if` stay unresolved until
 * they are used: for their truth a plain AND/OR is enough, only their value needs a CASE.
 */
export type Operand =
  | Value
  | { kind: 'and' | 'or'; items: Operand[]; path: string }
  | { kind: 'if'; branches: { when: Operand; result: Operand }[]; otherwise: Operand; path: string }
  /** the array `missing` returns, known only by whether it is empty */
  | { kind: 'missing'; nonEmpty: Cond; path: string }
  /** an array literal holding run-time values */
  | { kind: 'array'; items: Operand[]; path: string };

/**
 * JSON Logic truthiness of an operand, as a condition.
 *
 * @example
 * truthOf({ kind: 'or', items: [status, name], path: '' }) // status truthy OR name truthy: no CASE needed
 */
export function truthOf(operand: Operand): Cond {
  switch (operand.kind) {
    case 'const':
    case 'runtime':
      return truthySql(operand);
    case 'and':
      return condAnd(operand.items.map(truthOf));
    case 'or':
      return condOr(operand.items.map(truthOf));
    case 'if':
      return operand.branches.reduceRight(
        (otherwise, branch) => condIf(truthOf(branch.when), truthOf(branch.result), otherwise),
        truthOf(operand.otherwise),
      );
    case 'missing':
      return operand.nonEmpty;
    case 'array':
      return operand.items.length > 0;
  }
}

/**
 * The value of an operand, for operators that compare values. `and`/`or`/`if` become a CASE, which
 * needs all their results to share one JavaScript type.
 *
 * @example
 * operandValue(or(status, 'none')) // (CASE WHEN <status truthy> THEN "t"."status" ELSE $1::text END)
 */
export function operandValue(operand: Operand): Value {
  switch (operand.kind) {
    case 'const':
    case 'runtime':
      return operand;
    case 'and':
    case 'or': {
      const last = operand.items.at(-1);
      if (last === undefined) throw new Error('json-logic-to-sql: empty and/or');
      // `and` returns the first falsy item, or the last; `or` the first truthy one, or the last.
      const branches = operand.items.slice(0, -1).map((item) => ({
        when: operand.kind === 'and' ? condNot(truthOf(item)) : truthOf(item),
        result: item,
        // `or` only returns an early item when it is truthy, so never null.
        truthy: operand.kind === 'or',
      }));
      return caseValue(branches, last, operand.path);
    }
    case 'if':
      return caseValue(
        operand.branches.map((b) => ({ when: truthOf(b.when), result: b.result })),
        operand.otherwise,
        operand.path,
      );
    case 'missing':
      throw new JsonLogicSqlError(
        'UNSUPPORTED_OPERAND',
        operand.path,
        'the array `missing` returns can only be tested for truth here, not compared',
      );
    case 'array':
      throw new JsonLogicSqlError(
        'UNSUPPORTED_OPERAND',
        operand.path,
        'an array holding record values can only be searched with `in` or tested for truth',
      );
  }
}

interface CaseBranch {
  when: Cond;
  result: Operand;
  /** the result is only taken when truthy */
  truthy?: boolean;
}

function caseValue(branches: CaseBranch[], otherwise: Operand, path: string): Value {
  const live: { when: Sql; result: Operand; truthy?: boolean }[] = [];
  let fallback = otherwise;
  for (const branch of branches) {
    if (branch.when === false) continue;
    if (branch.when === true) {
      fallback = branch.result;
      break;
    }
    live.push({ ...branch, when: branch.when });
  }
  if (live.length === 0) return operandValue(fallback);
  const notNull = (v: Value): Value =>
    v.kind === 'runtime' ? { ...v, value: { ...v.value, nullable: false } } : v;
  const values = [
    ...live.map((b) => (b.truthy ? notNull(operandValue(b.result)) : operandValue(b.result))),
    operandValue(fallback),
  ];
  const type = commonType(values, path);
  if (type === undefined) return nullValue;
  const integer = values.every((v) =>
    v.kind === 'const' ? v.value === null || Number.isSafeInteger(v.value) : v.value.integer,
  );
  const sqlOf = (v: Value): Sql => {
    if (v.kind === 'runtime') return v.value.sql;
    const c = v.value;
    if (c === null) return typedNull(type);
    if (typeof c === 'string') return boundText(c, path);
    if (typeof c === 'number') return boundNumber(c, integer);
    return bound(c as boolean, 'boolean');
  };
  const whens = live.map((b, i) => {
    const result = values[i];
    if (result === undefined) throw new Error('json-logic-to-sql: case value missing');
    return sql` WHEN ${b.when} THEN ${sqlOf(result)}`;
  });
  const last = values.at(-1) ?? nullValue;
  const all = (test: (r: RuntimeValue) => boolean, constTest: (s: string) => boolean): boolean =>
    values.every((v) =>
      v.kind === 'runtime' ? test(v.value) : typeof v.value !== 'string' || constTest(v.value),
    );
  const value: RuntimeValue = {
    js: type,
    sql: sql`(CASE${whens.flat()} ELSE ${sqlOf(last)} END)`,
    nullable: values.some((v) => (v.kind === 'runtime' ? v.value.nullable : v.value === null)),
    label: `the value of ${path === '' ? 'the rule' : path}`,
    integer,
    neverNumeric: all(
      (r) => r.neverNumeric,
      (s) => Number.isNaN(Number(s)),
    ),
    neverEmpty: all(
      (r) => r.neverEmpty,
      (s) => s !== '',
    ),
    belowSurrogates: all((r) => r.belowSurrogates, isBelowSurrogates),
  };
  return { kind: 'runtime', value };
}

/** The one JavaScript type every non-null value has, `undefined` when all are null. */
function commonType(values: Value[], path: string): Exclude<RuntimeValue['js'], 'json'> | undefined {
  const types = new Set<string>();
  for (const v of values) {
    if (v.kind === 'runtime') types.add(v.value.js);
    else if (v.value !== null) types.add(Array.isArray(v.value) ? 'array' : typeof v.value);
  }
  const [type, ...others] = types;
  if (type === undefined) return undefined;
  if (others.length === 0 && (type === 'string' || type === 'number' || type === 'boolean')) return type;
  throw new JsonLogicSqlError(
    'UNSUPPORTED_OPERAND',
    path,
    `used as a value, this expression may be any of ${[...types].join(', ')}; SQL needs one type ` +
      '(compare each branch instead, or test it for truth only)',
  );
}
