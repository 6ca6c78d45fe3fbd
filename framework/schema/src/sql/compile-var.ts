import { columnValue, isSqlColumnType } from './column-value.js';
import { isJsonValue } from './json-logic-eval.js';
import { JsonLogicSqlError } from './json-logic-sql-error.js';
import type { CompileOptions } from './json-logic-to-sql.js';
import type { Operand } from './operand.js';
import { nullValue, type Value } from './runtime-value.js';

/** The name `var` (and `missing`) looks up: json-logic-js takes `String()` of a string or number. */
export function varName(operand: Operand, path: string, what: string): string {
  const name = operand.kind === 'const' ? operand.value : undefined;
  if ((typeof name === 'string' && name !== '') || (typeof name === 'number' && Number.isFinite(name))) {
    return String(name);
  }
  throw new JsonLogicSqlError(
    'UNSUPPORTED_OPERAND',
    path,
    `${what} needs a name known at compile time (a non-empty string or a number); ` +
      'json-logic-js reads the whole record for an empty name',
  );
}

/**
 * Looks a name up with the caller's resolver: a column becomes a run-time value, a context value a
 * constant, and an `undefined` context value is `'absent'` (where `var`'s default applies).
 */
export function resolveName(name: string, path: string, options: CompileOptions): Value | 'absent' {
  const found = options.resolveVar(name);
  if (found === undefined)
    throw new JsonLogicSqlError('UNKNOWN_FIELD', path, `unknown field ${JSON.stringify(name)}`);
  if (found.kind === 'column') {
    if (!isSqlColumnType(found.type) || typeof found.sql !== 'string' || found.sql === '') {
      throw new TypeError(
        `resolveVar(${JSON.stringify(name)}) returned a column without sql or with an unknown type`,
      );
    }
    // Anything but an explicit `false` counts as nullable: the safe reading.
    const nullable = found.nullable !== false;
    return {
      kind: 'runtime',
      value: columnValue(found.sql, found.type, nullable, `var ${JSON.stringify(name)}`),
    };
  }
  if (found.value === undefined) return 'absent';
  if (!isJsonValue(found.value)) {
    throw new JsonLogicSqlError(
      'UNSUPPORTED_OPERAND',
      path,
      `the value of ${JSON.stringify(name)} is not JSON data`,
    );
  }
  return { kind: 'const', value: found.value };
}

/**
 * `{"var": name}` or `{"var": [name, default]}`. A column's key is always in the record, so its
 * default never applies; a context value that is `undefined` takes the default, or `null`.
 *
 * @example
 * compileVar(constOf('$user.team'), constOf('north'), '/var', options) // { kind: 'const', value: 'north' } when absent
 */
export function compileVar(
  name: Operand,
  fallback: Operand | undefined,
  path: string,
  options: CompileOptions,
): Operand {
  const found = resolveName(varName(name, path, 'var'), path, options);
  if (found !== 'absent') return found;
  return fallback ?? nullValue;
}
