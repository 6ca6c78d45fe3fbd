import {
  type DriverValueEncoder,
  getTableColumns,
  is,
  Param,
  Placeholder,
  type Query,
  SQL,
  sql,
} from 'drizzle-orm';
import type { PgTable, SelectedFieldsOrdered } from 'drizzle-orm/pg-core';
import type { Db } from './database.js';

/**
 * A single-row `INSERT` of one table as drizzle builds it, kept: building it costs 120–190 µs
 * here, more than sending it, and a create builds the same statement every time. Running it
 * binds the row with the encoders drizzle binds it with (NULL stays unencoded, as drizzle leaves
 * it) and maps `RETURNING` with drizzle's own row mapping, so the result is `.returning()`'s.
 */
interface InsertStatement {
  query: Query;
  /** per `$n`, in order: the row property it takes and the encoder of its column */
  params: readonly { key: string; encoder: DriverValueEncoder<unknown, unknown> }[];
  /** SQL the text inlines (`date_trunc('milliseconds', now())`), by property: a row must carry the same object */
  inlined: ReadonlyMap<string, SQL>;
  /** every column, as `.returning()` maps them; absent without RETURNING */
  fields: SelectedFieldsOrdered | undefined;
}

type Row = Record<string, unknown>;

/** Row shapes a table keeps statements for (a shape: the keys, which are SQL, RETURNING or not). */
const maxShapes = 8;
const statements = new WeakMap<PgTable, Map<string, InsertStatement | null>>();

function shapeOf(row: Row, returning: boolean): string {
  let shape = returning ? 'r:' : ':';
  for (const key in row) shape += is(row[key], SQL) ? `${key}=,` : `${key},`;
  return shape;
}

/** Builds the statement once with placeholders; `null` when drizzle's output is not text plus placeholders. */
function build(tx: Db, table: PgTable, row: Row, returning: boolean): InsertStatement | null {
  const placeholders: Row = {};
  const inlined = new Map<string, SQL>();
  for (const [key, value] of Object.entries(row)) {
    if (is(value, SQL)) inlined.set(key, value);
    placeholders[key] = is(value, SQL) ? value : sql.placeholder(key);
  }
  const insert = tx.insert(table).values(placeholders as never);
  const query = returning ? insert.returning().toSQL() : insert.toSQL();
  const params: { key: string; encoder: DriverValueEncoder<unknown, unknown> }[] = [];
  // a default function or a value drizzle computes itself would be frozen into the statement
  for (const param of query.params) {
    if (!is(param, Param) || !is(param.value, Placeholder)) return null;
    params.push({ key: param.value.name, encoder: param.encoder as DriverValueEncoder<unknown, unknown> });
  }
  const fields = returning
    ? (Object.entries(getTableColumns(table)).map(([key, column]) => ({
        path: [key],
        field: column,
      })) as SelectedFieldsOrdered)
    : undefined;
  return { query: { sql: query.sql, params: [] }, params, inlined, fields };
}

function statementFor(tx: Db, table: PgTable, row: Row, returning: boolean): InsertStatement | null {
  let shapes = statements.get(table);
  if (shapes === undefined) {
    shapes = new Map();
    statements.set(table, shapes);
  }
  const shape = shapeOf(row, returning);
  let statement = shapes.get(shape);
  if (statement === undefined) {
    statement = build(tx, table, row, returning);
    if (shapes.size < maxShapes) shapes.set(shape, statement);
  }
  return statement;
}

/** The row's driver values, as drizzle binds them; `undefined` when the statement does not fit the row. */
function bind(statement: InsertStatement, row: Row): unknown[] | undefined {
  for (const [key, value] of statement.inlined) if (row[key] !== value) return undefined;
  const values: unknown[] = new Array(statement.params.length);
  for (let i = 0; i < statement.params.length; i++) {
    const { key, encoder } = statement.params[i] as InsertStatement['params'][number];
    const value = row[key];
    // drizzle writes DEFAULT for an undefined value: another statement
    if (value === undefined) return undefined;
    const mapped = value === null ? null : encoder.mapToDriverValue(value);
    if (is(mapped, SQL)) return undefined;
    values[i] = mapped;
  }
  return values;
}

/**
 * `tx.insert(table).values(rows)` (with `.returning()` when asked), a single row sent as a
 * statement built once per table and row shape; several rows, or a row the statement does not
 * fit, go through drizzle as before.
 *
 * @example
 * const [row] = await insertRows(tx, plan.table, [{ ...columnValues, id, createdAt: nowMs }], { returning: true });
 * await insertRows(tx, auditLog, entries);
 */
export async function insertRows(
  tx: Db,
  table: PgTable,
  rows: readonly Row[],
  { returning = false }: { returning?: boolean } = {},
): Promise<Row[]> {
  const [row] = rows;
  const statement = rows.length === 1 && row !== undefined ? statementFor(tx, table, row, returning) : null;
  const values = statement === null || row === undefined ? undefined : bind(statement, row);
  if (statement === null || values === undefined) {
    const insert = tx.insert(table).values(rows as never);
    if (returning) return (await insert.returning()) as Row[];
    await insert;
    return [];
  }
  const prepared = tx._.session.prepareQuery(
    { sql: statement.query.sql, params: values },
    statement.fields,
    undefined,
    statement.fields !== undefined,
  );
  const result: unknown = await prepared.execute();
  return statement.fields === undefined ? [] : (result as Row[]);
}

/**
 * The text and driver values of `tx.insert(table).values(rows)`, not sent: for `atCommit`. A
 * single row uses the statement built once per table and row shape, as {@link insertRows} does.
 *
 * @example
 * await atCommit(tx, insertQuery(tx, auditPending, rows));
 */
export function insertQuery(tx: Db, table: PgTable, rows: readonly Row[]): Query {
  const [row] = rows;
  const statement = rows.length === 1 && row !== undefined ? statementFor(tx, table, row, false) : null;
  const values = statement === null || row === undefined ? undefined : bind(statement, row);
  if (statement === null || values === undefined)
    return tx
      .insert(table)
      .values(rows as never)
      .toSQL();
  return { sql: statement.query.sql, params: values };
}
