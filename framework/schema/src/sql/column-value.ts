import { isUuid } from '../validation/is-uuid.js';
import type { NativeForm, RuntimeValue } from './runtime-value.js';
import { raw, sql } from './sql-builder.js';

/**
 * SQL types a resolved column may have, by the JavaScript value the record holds for it (the JSON
 * form the API returns, which is what json-logic-js sees):
 *
 * | type        | record value                                       | SQL columns                                  |
 * |-------------|----------------------------------------------------|----------------------------------------------|
 * | `text`      | string                                             | text, varchar; deterministic collation       |
 * | `integer`   | number, a safe integer                             | smallint, integer, bigint                    |
 * | `number`    | number                                             | double precision (not real: a float4 widened is not the double a driver parses from its text) |
 * | `boolean`   | boolean                                            | boolean                                      |
 * | `date`      | `'YYYY-MM-DD'`, years 1 to 9999                    | date                                         |
 * | `timestamp` | `Date#toISOString()`: `'YYYY-MM-DDTHH:mm:ss.sssZ'` | timestamptz with millisecond precision       |
 * | `uuid`      | lowercase canonical string                         | uuid                                         |
 * | `jsonb`     | the JSON value (JSON null counts as null)          | jsonb written from JavaScript values         |
 *
 * The database encoding is UTF-8.
 */
export type SqlColumnType =
  | 'text'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'date'
  | 'timestamp'
  | 'uuid'
  | 'jsonb';

/** `"t"."amount"`, `t.amount`: SQL that needs no parentheses to stand next to an operator. */
const identifierChain =
  /^(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)(?:\.(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*))*$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Whether a string is what a record holds for some date: then date order is string order. */
function isDateText(s: string): boolean {
  if (!datePattern.test(s) || s.startsWith('0000')) return false;
  const time = Date.parse(`${s}T00:00:00.000Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === s;
}

function isTimestampText(s: string): boolean {
  if (!timestampPattern.test(s) || s.startsWith('0000')) return false;
  const time = Date.parse(s);
  return !Number.isNaN(time) && new Date(time).toISOString() === s;
}

function isUuidText(s: string): boolean {
  return isUuid(s) && s === s.toLowerCase();
}

/**
 * The run-time value of a column, in the form its record value takes.
 *
 * @example
 * columnValue('"t"."close_date"', 'date', true, 'var "close_date"').sql // to_char("t"."close_date", 'YYYY-MM-DD')
 */
export function columnValue(
  column: string,
  type: SqlColumnType,
  nullable: boolean,
  label: string,
): RuntimeValue {
  const base = {
    nullable,
    label,
    key: `${type}:${column}`,
    integer: false,
    neverNumeric: false,
    neverEmpty: false,
    belowSurrogates: false,
  };
  // An expression from the resolver (`"t"."custom"->'x'`) must not mix with the operators around it.
  const col = raw(identifierChain.test(column) ? column : `(${column})`);
  // Dates, timestamps and uuids reach JavaScript as ASCII strings that are never empty and never numeric.
  const formatted = {
    ...base,
    js: 'string' as const,
    neverNumeric: true,
    neverEmpty: true,
    belowSurrogates: true,
  };
  const native = (cast: NativeForm['cast'], accepts: (s: string) => boolean): NativeForm => ({
    sql: col,
    cast,
    accepts,
  });
  switch (type) {
    case 'text':
      return { ...base, js: 'string', sql: col };
    case 'integer':
      return { ...base, js: 'number', sql: col, integer: true };
    case 'number':
      return { ...base, js: 'number', sql: col };
    case 'boolean':
      return { ...base, js: 'boolean', sql: col };
    case 'jsonb':
      return { ...base, js: 'json', sql: col };
    case 'date':
      // to_char, not ::text: the cast follows DateStyle.
      return { ...formatted, sql: sql`to_char(${col}, 'YYYY-MM-DD')`, native: native('date', isDateText) };
    case 'timestamp':
      return {
        ...formatted,
        sql: sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
        native: native('timestamptz', isTimestampText),
      };
    case 'uuid':
      return { ...formatted, sql: sql`(${col})::text`, native: native('uuid', isUuidText) };
  }
}

const columnTypes: ReadonlySet<string> = new Set<SqlColumnType>([
  'text',
  'integer',
  'number',
  'boolean',
  'date',
  'timestamp',
  'uuid',
  'jsonb',
]);

/** Whether a resolver's `type` is one the compiler knows. */
export function isSqlColumnType(type: unknown): type is SqlColumnType {
  return typeof type === 'string' && columnTypes.has(type);
}
