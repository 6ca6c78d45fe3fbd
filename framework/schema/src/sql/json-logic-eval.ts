import jsonLogic from 'json-logic-js';
import { codexionOperations } from './codexion-operations.js';

/**
 * Operators whose result depends only on their arguments, so a call whose arguments are all known
 * can be computed at compile time by json-logic-js itself: the surest way to match it.
 */
const pureOperators = new Set([
  '==',
  '===',
  '!=',
  '!==',
  '>',
  '>=',
  '<',
  '<=',
  '!!',
  '!',
  '%',
  'in',
  'cat',
  'substr',
  '+',
  '*',
  '-',
  '/',
  'min',
  'max',
  'merge',
  'if',
  '?:',
  'and',
  'or',
  'between',
]);

/** Whether a call of `op` on known values may be computed now. */
export function isPureOperator(op: string): boolean {
  return pureOperators.has(op);
}

/**
 * Applies a pure operator to known values with json-logic-js (Codexion operations with their own
 * code, so nothing global has to be registered). The values go in through `var` so that an object
 * value is never mistaken for logic.
 *
 * @example
 * applyOperator('==', [10, '10']) // true
 * applyOperator('in', ['b', 'abc']) // true
 */
export function applyOperator(op: string, values: readonly unknown[]): unknown {
  if (op === 'between') return codexionOperations.between(values[0], values[1], values[2]);
  const rule = { [op]: values.map((_, i) => ({ var: String(i) })) };
  return jsonLogic.apply(rule, values);
}

/** json-logic-js truthiness: `[]` is false, otherwise JavaScript's. */
export function isTruthy(value: unknown): boolean {
  return jsonLogic.truthy(value);
}

/**
 * Keys json-logic-js or JavaScript's coercions would call as methods: `String(x)` calls `toString`
 * and `valueOf`, `in` calls `indexOf`. An object holding one as data makes JavaScript throw.
 */
const methodKeys = ['toString', 'valueOf', 'indexOf'];

/**
 * Whether a value is JSON data that JavaScript can coerce without throwing: what a rule or a
 * context value may hold.
 */
export function isJsonValue(value: unknown, depth = 0): boolean {
  if (depth > 100) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false;
    if (methodKeys.some((key) => Object.hasOwn(value, key))) return false;
    return Object.values(value).every((item) => isJsonValue(item, depth + 1));
  }
  return false;
}
