/**
 * Why a JSON Logic rule cannot be compiled to SQL, by code.
 *
 * @example
 * jsonLogicSqlErrorCodes[error.code] // 'a `var` names nothing the resolver knows'
 */
export const jsonLogicSqlErrorCodes = {
  INVALID_RULE:
    'the rule is not JSON Logic data (a value JSON cannot hold, or an object JavaScript cannot coerce)',
  TOO_COMPLEX:
    'the rule nests too deep, or its SQL would grow too large (values of and/or/if nested in comparisons)',
  UNSUPPORTED_OPERATOR: 'the operator is unknown, or known to json-logic-js but has no SQL translation',
  UNKNOWN_FIELD: 'a `var` names nothing the resolver knows',
  BAD_ARITY: 'the operator got a number of arguments it does not take',
  TYPE_MISMATCH:
    'the operands have types whose JavaScript comparison SQL cannot reproduce (e.g. a text column against a number)',
  UNSUPPORTED_OPERAND:
    'an operand of a supported operator has a shape or value that has no faithful SQL form',
} as const satisfies Record<string, string>;

export type JsonLogicSqlErrorCode = keyof typeof jsonLogicSqlErrorCodes;

/**
 * Thrown by `compileJsonLogicToSql` for a rule it cannot translate faithfully. `path` is a JSON
 * Pointer into the rule at the expression at fault (`''` for the whole rule).
 *
 * @example
 * try {
 *   compileJsonLogicToSql({ and: [true, { '==': [{ var: 'nope' }, 1] }] }, { resolveVar: () => undefined });
 * } catch (error) {
 *   if (error instanceof JsonLogicSqlError) console.log(error.code, error.path); // UNKNOWN_FIELD /and/1/==/0
 * }
 */
export class JsonLogicSqlError extends Error {
  override readonly name = 'JsonLogicSqlError';
  readonly code: JsonLogicSqlErrorCode;
  readonly path: string;

  constructor(code: JsonLogicSqlErrorCode, path: string, message: string) {
    super(`${message} (${code} at ${path === '' ? 'the rule root' : path})`);
    this.code = code;
    this.path = path;
  }
}
