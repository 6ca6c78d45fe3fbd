// the JSON Logic -> SQL compiler lives in @codexion/schema; the engine's steps import it from here
export { compileJsonLogicToSql, JsonLogicSqlError, type VarResolution } from '@codexion/schema';
