import { PGlite } from '@electric-sql/pglite';
import jsonLogic from 'json-logic-js';
import { registerCodexionOperations } from './codexion-operations.js';
import type { SqlColumnType, VarResolution } from './json-logic-to-sql.js';
import { type SqlFragment, toPositionalSql } from './sql-fragment.js';

registerCodexionOperations(jsonLogic);

export { jsonLogic };

/** A row of the test table, as the API would return it (the form json-logic-js sees). */
export interface TestRecord {
  id: number;
  name: string | null;
  status: string | null;
  code: string;
  amount: number | null;
  qty: number;
  price: number | null;
  active: boolean | null;
  close_date: string | null;
  created_at: string | null;
  owner_id: string | null;
  tags: unknown;
}

/** Stored as jsonb `null` rather than SQL NULL: both reach JavaScript as `null`. */
export interface StoredRecord {
  record: TestRecord;
  tagsAsJsonNull: boolean;
}

const columns: Record<string, { type: SqlColumnType; nullable: boolean }> = {
  id: { type: 'integer', nullable: false },
  name: { type: 'text', nullable: true },
  status: { type: 'text', nullable: true },
  code: { type: 'text', nullable: false },
  amount: { type: 'integer', nullable: true },
  qty: { type: 'integer', nullable: false },
  price: { type: 'number', nullable: true },
  active: { type: 'boolean', nullable: true },
  close_date: { type: 'date', nullable: true },
  created_at: { type: 'timestamp', nullable: true },
  owner_id: { type: 'uuid', nullable: true },
  tags: { type: 'jsonb', nullable: true },
};

export const columnNames = Object.keys(columns);

/** The request context: `$user.team` is absent on purpose (so `var` defaults apply). */
export const user = { id: '6f1c2b9e-8a4d-4c3b-9e2f-1a2b3c4d5e6f', role: 'sales', level: 3, tags: ['vip'] };

/** Resolves the test table's columns and `$user.*` from {@link user}. */
export function resolveVar(path: string): VarResolution | undefined {
  const column = Object.hasOwn(columns, path) ? columns[path] : undefined;
  if (column !== undefined) return { kind: 'column', sql: `"t"."${path}"`, ...column };
  if (path.startsWith('$user.')) {
    const key = path.slice('$user.'.length);
    return { kind: 'value', value: Object.hasOwn(user, key) ? user[key as keyof typeof user] : undefined };
  }
  return undefined;
}

/** One PGlite for a test file: `batch` separates the record sets of the cases. */
export async function createTestDatabase(): Promise<PGlite> {
  const db = new PGlite();
  await db.exec(`
    CREATE TABLE t (
      batch integer NOT NULL,
      id integer NOT NULL,
      -- A linguistic collation, as production databases have: string order must not depend on it.
      name text COLLATE "und-x-icu",
      status text,
      code text COLLATE "und-x-icu" NOT NULL,
      amount integer,
      qty integer NOT NULL,
      price double precision,
      active boolean,
      close_date date,
      created_at timestamptz(3),
      owner_id uuid,
      tags jsonb,
      PRIMARY KEY (batch, id)
    );
  `);
  return db;
}

export async function insertRecords(db: PGlite, batch: number, rows: readonly StoredRecord[]): Promise<void> {
  if (rows.length === 0) return;
  const params: unknown[] = [];
  const p = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const values = rows.map(({ record: r, tagsAsJsonNull }) => {
    const tags =
      r.tags === null
        ? tagsAsJsonNull
          ? `'null'::jsonb`
          : 'NULL'
        : `${p(JSON.stringify(r.tags))}::text::jsonb`;
    return `(${p(batch)}::int, ${p(r.id)}::int, ${p(r.name)}::text, ${p(r.status)}::text, ${p(r.code)}::text, ${p(r.amount)}::int, ${p(r.qty)}::int, ${p(r.price)}::float8, ${p(r.active)}::boolean, ${p(r.close_date)}::date, ${p(r.created_at)}::timestamptz, ${p(r.owner_id)}::uuid, ${tags})`;
  });
  await db.query(`INSERT INTO t VALUES ${values.join(', ')}`, params);
}

/** Ids of the batch's rows the fragment selects, ascending. */
export async function selectIds(db: PGlite, batch: number, fragment: SqlFragment): Promise<number[]> {
  const { text, params } = toPositionalSql(fragment, { offset: 2 });
  const result = await db.query<{ id: number }>(
    `SELECT id FROM t WHERE batch = $1 AND (${text}) ORDER BY id`,
    [batch, ...params],
  );
  return result.rows.map((row) => row.id);
}

/** How many of the batch's rows the condition is NULL for: it must be a plain true or false. */
export async function countUnknown(db: PGlite, batch: number, fragment: SqlFragment): Promise<number> {
  const { text, params } = toPositionalSql(fragment, { offset: 2 });
  const result = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM t WHERE batch = $1 AND (${text}) IS NULL`,
    [batch, ...params],
  );
  return result.rows[0]?.n ?? -1;
}

/** Ids of the records on which json-logic-js finds the rule truthy, ascending. */
export function expectedIds(rule: unknown, rows: readonly StoredRecord[]): number[] {
  return rows
    .filter(({ record }) =>
      jsonLogic.truthy(jsonLogic.apply(rule as jsonLogic.RulesLogic, { ...record, $user: user })),
    )
    .map(({ record }) => record.id)
    .sort((a, b) => a - b);
}
