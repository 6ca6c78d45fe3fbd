import type { JsonLogic } from '../model/json-schema.js';
import { escapePointerToken } from '../validation/validation-issue.js';

/** json-logic-js's operations that rules may use. `method` is left out on purpose: it calls arbitrary JS methods. */
const builtInOperators = [
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
  'if',
  '?:',
  'and',
  'or',
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
  'var',
  'missing',
  'missing_some',
  'all',
  'none',
  'some',
  'map',
  'reduce',
  'filter',
  'log',
] as const;

/** Operations Codexion adds to JSON Logic, identical in browser and server. */
export const codexionOperatorNames = ['between'] as const;

export const knownOperators: ReadonlySet<string> = new Set<string>([
  ...builtInOperators,
  ...codexionOperatorNames,
]);

/** Operators whose later arguments run against each array element, where `var` means the element. */
const scopedOperators = new Set(['all', 'none', 'some', 'map', 'reduce', 'filter']);

export interface LogicReference {
  /** the variable name as written, e.g. `amount` or `$user.id` */
  name: string;
  /** JSON Pointer of the reference inside the logic */
  pointer: string;
}

export interface LogicScan {
  vars: LogicReference[];
  unknownOperators: LogicReference[];
}

/**
 * Lists the variables a JSON Logic expression reads and the operators it uses that are unknown,
 * so a rule that names a field that does not exist fails at codegen, not at run time.
 *
 * @example
 * scanJsonLogic({ '>': [{ var: 'amount' }, 0] }).vars // [{ name: 'amount', pointer: '/>/0/var' }]
 */
export function scanJsonLogic(logic: JsonLogic, pointer = ''): LogicScan {
  const scan: LogicScan = { vars: [], unknownOperators: [] };
  walk(logic, pointer, scan);
  return scan;
}

function walk(logic: JsonLogic, pointer: string, scan: LogicScan): void {
  if (Array.isArray(logic)) {
    logic.forEach((item, i) => {
      walk(item, `${pointer}/${i}`, scan);
    });
    return;
  }
  if (logic === null || typeof logic !== 'object') return;
  const keys = Object.keys(logic);
  if (keys.length !== 1) {
    // json-logic-js treats a multi-key object as data; in rules that is almost always a mistake.
    scan.unknownOperators.push({ name: keys.join(','), pointer });
    return;
  }
  const operator = keys[0] as string;
  const args = logic[operator] as JsonLogic;
  const here = `${pointer}/${escapePointerToken(operator)}`;
  if (!knownOperators.has(operator)) {
    scan.unknownOperators.push({ name: operator, pointer: here });
    return;
  }
  if (operator === 'var') {
    const name = Array.isArray(args) ? args[0] : args;
    if (typeof name === 'string' && name !== '') scan.vars.push({ name, pointer: here });
    else if (typeof name === 'object' && name !== null) walk(name, here, scan);
    return;
  }
  if (scopedOperators.has(operator) && Array.isArray(args)) {
    // only the first argument (the array) reads the record
    if (args[0] !== undefined) walk(args[0], `${here}/0`, scan);
    return;
  }
  walk(args, here, scan);
}
