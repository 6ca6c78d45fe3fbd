export {
  codexionOperations,
  type JsonLogicOperationRegistry,
  registerCodexionOperations,
} from './codexion-operations.js';
export {
  JsonLogicSqlError,
  type JsonLogicSqlErrorCode,
  jsonLogicSqlErrorCodes,
} from './json-logic-sql-error.js';
export {
  type CompileOptions,
  compileJsonLogicToSql,
  type SqlColumnRef,
  type SqlColumnType,
  type SqlValueRef,
  type VarResolution,
} from './json-logic-to-sql.js';
export {
  type PositionalSqlOptions,
  type SqlChunk,
  type SqlFragment,
  toPositionalSql,
} from './sql-fragment.js';
