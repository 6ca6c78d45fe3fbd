import type { SqlColumnType } from './column-value.js';
import { compileMissing, compileMissingSome } from './compile-missing.js';
import { compileVar } from './compile-var.js';
import { compareSql, looseEqualsSql, type OrderOperator, strictEqualsSql } from './js-comparison-sql.js';
import { inListSql, inSql } from './js-in-sql.js';
import { applyOperator, isJsonValue, isPureOperator } from './json-logic-eval.js';
import { JsonLogicSqlError } from './json-logic-sql-error.js';
import { type Operand, operandValue, truthOf } from './operand.js';
import { condValue, nullValue, type Value } from './runtime-value.js';
import { type Cond, condAnd, condNot, condSql, type Sql } from './sql-builder.js';
import type { SqlChunk, SqlFragment } from './sql-fragment.js';

export type { SqlColumnType } from './column-value.js';

/** A `var` that names a column: read by the query. */
export interface SqlColumnRef {
  kind: 'column';
  /** trusted SQL for the column, already quoted: `"t"."amount"` */
  sql: string;
  type: SqlColumnType;
  /**
   * Whether the column can be NULL. A NULL must mean the record holds `null` under that name (the key
   * is present), which is also why the default of `{"var": [name, default]}` never applies to a column.
   */
  nullable: boolean;
}

/** A `var` known when the rule is compiled, e.g. `$user.id` from the request: bound as a parameter. */
export interface SqlValueRef {
  kind: 'value';
  /** a JSON value; `undefined` means absent, so `var`'s default (or `null`) is used */
  value: unknown;
}

/**
 * What a `var` name stands for.
 *
 * @example
 * const amount: VarResolution = { kind: 'column', sql: '"t"."amount"', type: 'integer', nullable: true };
 * const me: VarResolution = { kind: 'value', value: user.id };
 */
export type VarResolution = SqlColumnRef | SqlValueRef;

/**
 * How {@link compileJsonLogicToSql} reads a rule's names.
 *
 * @example
 * const options: CompileOptions = {
 *   resolveVar: (name) => (name === '$user.id' ? { kind: 'value', value: user.id } : columns[name]),
 * };
 */
export interface CompileOptions {
  /** maps a `var` name, dotted names as written (`$user.id`), to a column or a value; `undefined`: unknown */
  resolveVar: (path: string) => VarResolution | undefined;
}

/** Nesting depth past which a rule is refused rather than risk the stack. */
const maxDepth = 100;

const many = Number.POSITIVE_INFINITY;

/** Arguments each operator takes, [min, max]. A Map: an object would answer for `constructor` too. */
const arities = new Map<string, readonly [number, number]>([
  ['var', [1, 2]],
  ['==', [2, 2]],
  ['!=', [2, 2]],
  ['===', [2, 2]],
  ['!==', [2, 2]],
  ['<', [2, 3]],
  ['<=', [2, 3]],
  ['>', [2, 2]],
  ['>=', [2, 2]],
  ['between', [3, 3]],
  ['in', [2, 2]],
  ['and', [1, many]],
  ['or', [1, many]],
  ['if', [1, many]],
  ['?:', [1, many]],
  ['!', [1, 1]],
  ['!!', [1, 1]],
  ['missing', [0, many]],
  ['missing_some', [2, 2]],
  ['log', [1, 1]],
]);

/** Operators of json-logic-js that evaluate their logic against other data than the record. */
const scopedOperators = new Set(['map', 'filter', 'reduce', 'all', 'none', 'some']);

/**
 * Compiles a JSON Logic rule to an SQL condition that holds for exactly the records on which
 * `jsonLogic.apply(rule, record)` is truthy (with {@link registerCodexionOperations}' `between`).
 * The condition is never NULL. Values are always bound parameters; identifiers only come from
 * `resolveVar`. Sub-expressions without record values are computed by json-logic-js itself.
 *
 * Supported: `var` (with default), `==`, `!=`, `===`, `!==`, `<`, `<=` (also 3-argument), `>`,
 * `>=`, `between`, `in`, `and`, `or`, `if`, `!`, `!!`, `missing`, `missing_some`, `log`, and any
 * operator of json-logic-js on known values. Anything whose SQL could differ from JavaScript's answer
 * throws {@link JsonLogicSqlError}.
 *
 * @example
 * const fragment = compileJsonLogicToSql(
 *   { and: [{ '==': [{ var: 'status' }, 'open'] }, { '==': [{ var: 'ownerId' }, { var: '$user.id' }] }] },
 *   {
 *     resolveVar: (name) =>
 *       name === 'status' ? { kind: 'column', sql: '"t"."status"', type: 'text', nullable: false }
 *       : name === 'ownerId' ? { kind: 'column', sql: '"t"."owner_id"', type: 'uuid', nullable: true }
 *       : name === '$user.id' ? { kind: 'value', value: user.id }
 *       : undefined,
 *   },
 * );
 * toPositionalSql(fragment);
 * // { text: '("t"."status" = $1::text AND "t"."owner_id" IS NOT NULL AND "t"."owner_id" = $2::uuid)', params: ['open', user.id] }
 */
export function compileJsonLogicToSql(rule: unknown, options: CompileOptions): SqlFragment {
  const operand = compile(rule, '', 0, options);
  return { chunks: mergeText(condSql(truthOf(operand))) };
}

function mergeText(parts: Sql): SqlChunk[] {
  const out: SqlChunk[] = [];
  for (const chunk of parts) {
    const last = out.at(-1);
    if (typeof chunk === 'string' && typeof last === 'string') out[out.length - 1] = last + chunk;
    else out.push(chunk);
  }
  return out;
}

function pointer(path: string, key: string | number): string {
  return `${path}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

function isLogic(node: unknown): node is Record<string, unknown> {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && Object.keys(node).length === 1;
}

function compile(node: unknown, path: string, depth: number, options: CompileOptions): Operand {
  if (depth > maxDepth)
    throw new JsonLogicSqlError('TOO_COMPLEX', path, `rule nested deeper than ${maxDepth}`);
  if (Array.isArray(node)) {
    const items = node.map((item, i) => compile(item, pointer(path, i), depth + 1, options));
    if (items.every((item) => item.kind === 'const')) {
      return { kind: 'const', value: items.map((item) => (item.kind === 'const' ? item.value : undefined)) };
    }
    return { kind: 'array', items, path };
  }
  if (!isLogic(node)) {
    if (!isJsonValue(node))
      throw new JsonLogicSqlError(
        'INVALID_RULE',
        path,
        'the rule holds a value JSON cannot, or an object with a toString, valueOf or indexOf key',
      );
    // json-logic-js returns objects with other than one key as they are: data, not logic.
    return { kind: 'const', value: node };
  }
  const [op = '', rawArgs] = Object.entries(node)[0] ?? [];
  const args: unknown[] = Array.isArray(rawArgs) ? rawArgs : [rawArgs];
  const argPath = (i: number): string =>
    Array.isArray(rawArgs) ? pointer(pointer(path, op), i) : pointer(path, op);
  const arity = arities.get(op);
  if (arity !== undefined && (args.length < arity[0] || args.length > arity[1])) {
    const [min, max] = arity;
    const wanted = min === max ? `${min}` : max === many ? `at least ${min}` : `${min} to ${max}`;
    throw new JsonLogicSqlError('BAD_ARITY', path, `${op} takes ${wanted} argument(s), got ${args.length}`);
  }
  if (scopedOperators.has(op)) {
    throw new JsonLogicSqlError(
      'UNSUPPORTED_OPERATOR',
      path,
      `${op} runs logic over each item of an array; it has no SQL translation here`,
    );
  }
  if (arity === undefined && !isPureOperator(op)) {
    throw new JsonLogicSqlError('UNSUPPORTED_OPERATOR', path, `unknown operator ${JSON.stringify(op)}`);
  }
  const operands = args.map((arg, i) => compile(arg, argPath(i), depth + 1, options));
  const at = (i: number): Operand => operands[i] ?? nullValue;
  switch (op) {
    case 'var':
      return compileVar(at(0), operands[1], path, options);
    case 'missing':
      return compileMissing(operands, path, options);
    case 'missing_some':
      return compileMissingSome(at(0), at(1), path, options);
    case 'log':
      return at(0);
  }
  if (operands.every((o) => o.kind === 'const')) {
    return { kind: 'const', value: fold(op, operands, path) };
  }
  const label = `${op} at ${path === '' ? 'the rule root' : path}`;
  switch (op) {
    case 'and':
    case 'or':
      return shortCircuit(op, operands, path);
    case 'if':
    case '?:':
      return compileIf(operands, path);
    case '!':
      return condValue(condNot(truthOf(at(0))), label);
    case '!!':
      return condValue(truthOf(at(0)), label);
    case '==':
      return condValue(looseEqualsSql(operandValue(at(0)), operandValue(at(1)), path), label);
    case '!=':
      return condValue(condNot(looseEqualsSql(operandValue(at(0)), operandValue(at(1)), path)), label);
    case '===':
      return condValue(strictEqualsSql(operandValue(at(0)), operandValue(at(1)), path), label);
    case '!==':
      return condValue(condNot(strictEqualsSql(operandValue(at(0)), operandValue(at(1)), path)), label);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return condValue(chain(op, operands.map(operandValue), path), label);
    case 'between':
      return condValue(
        chain('<=', [operandValue(at(1)), operandValue(at(0)), operandValue(at(2))], path),
        label,
      );
    case 'in': {
      const needle = operandValue(at(0));
      const haystack = at(1);
      const cond =
        haystack.kind === 'array'
          ? inListSql(needle, haystack.items.map(operandValue), path)
          : inSql(needle, operandValue(haystack), path);
      return condValue(cond, label);
    }
  }
  throw new JsonLogicSqlError(
    'UNSUPPORTED_OPERAND',
    path,
    `${op} is only compiled when all its operands are known at compile time, not on record values`,
  );
}

/** A call on known values, computed by json-logic-js; where it throws, so does the compiler. */
function fold(op: string, operands: Operand[], path: string): unknown {
  let value: unknown;
  try {
    value = applyOperator(
      op,
      operands.map((o) => (o.kind === 'const' ? o.value : undefined)),
    );
  } catch (error) {
    // e.g. `in` on an object with an `indexOf` key that is not a function.
    const reason = error instanceof Error ? error.message : String(error);
    throw new JsonLogicSqlError('UNSUPPORTED_OPERAND', path, `json-logic-js fails on this ${op}: ${reason}`);
  }
  if (value === undefined)
    throw new JsonLogicSqlError('UNSUPPORTED_OPERAND', path, `${op} gives undefined here`);
  return value;
}

/** `a < b`, or json-logic-js's `a < b < c`: `(a < b) && (b < c)`. */
function chain(op: OrderOperator, values: Value[], path: string): Cond {
  const conds: Cond[] = [];
  for (let i = 0; i + 1 < values.length; i++) {
    const [a, b] = [values[i], values[i + 1]];
    if (a !== undefined && b !== undefined) conds.push(compareSql(op, a, b, path));
  }
  return condAnd(conds);
}

/**
 * `and` returns its first falsy item or its last, `or` its first truthy item or its last. Known
 * items settle it or drop out, which keeps the value exactly the same.
 */
function shortCircuit(op: 'and' | 'or', operands: Operand[], path: string): Operand {
  const stops = (truthy: boolean): boolean => (op === 'and' ? !truthy : truthy);
  const items: Operand[] = [];
  for (const [i, item] of operands.entries()) {
    const isLast = i === operands.length - 1;
    if (item.kind === 'const') {
      const truthy = truthOf(item) === true;
      if (stops(truthy)) {
        items.push(item);
        break;
      }
      if (!isLast) continue;
    }
    items.push(item);
  }
  const [first] = items;
  if (first !== undefined && items.length === 1) return first;
  if (first?.kind === 'const' && stops(truthOf(first) === true)) return first;
  return { kind: op, items, path };
}

/** `if`: `[cond, result, cond, result, ..., else]`; with no else the value is null. */
function compileIf(operands: Operand[], path: string): Operand {
  const branches: { when: Operand; result: Operand }[] = [];
  for (let i = 0; i + 1 < operands.length; i += 2) {
    const when = operands[i];
    const result = operands[i + 1];
    if (when === undefined || result === undefined) break;
    const truth = truthOf(when);
    if (truth === false) continue;
    // A condition known true ends the chain: its value is the else of what came before.
    if (truth === true)
      return branches.length === 0 ? result : { kind: 'if', branches, otherwise: result, path };
    branches.push({ when, result });
  }
  const otherwise = operands.length % 2 === 1 ? (operands.at(-1) ?? nullValue) : nullValue;
  if (branches.length === 0) return otherwise;
  return { kind: 'if', branches, otherwise, path };
}
