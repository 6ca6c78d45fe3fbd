import { isUuid } from '@codexion/schema';
/** What the fingerprint needs of a database: raw SQL past row-level security. */
export interface SqlExecutor {
  execute<R extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
  ): Promise<R[]>;
}

/**
 * Written on purpose by a refused request, so not a write that "landed": a failed sign-in is
 * counted (lockout), and a session notes when it was last seen.
 */
const skippedTables = new Set([
  'prefiq.login_attempts',
  'prefiq.login_lockouts',
  'prefiq.audit_log',
  'prefiq.audit_pending',
]);
const volatileColumns: Record<string, readonly string[]> = {
  'prefiq.sessions': ['last_seen_at', 'access_hash', 'access_expires_at', 'expires_at'],
  'prefiq.api_keys': ['last_used_at'],
};
/** Audit entries, sealed or still pending (the sealer moves them on its own time), minus failed sign-ins. */
const auditEntries = `(select tenant_id, actor, action, entity, record_id, request_id from prefiq.audit_log
  union all select tenant_id, actor, action, entity, record_id, request_id from prefiq.audit_pending) r
  where r.action not in ('login_failed', 'lockout')`;

interface TableColumns {
  table: string;
  columns: string[];
}

/**
 * A hash of every table's rows (all of them, or one tenant's), to prove a refused request wrote
 * nothing: compare two fingerprints, the tables whose hash differs were written. Rows are hashed
 * one by one and the hashes summed, so the order they come in does not matter.
 *
 * @example
 * const before = await tableFingerprint(db);
 * // … bad requests …
 * changedTables(before, await tableFingerprint(db)); // []
 */
export async function tableFingerprint(
  db: SqlExecutor,
  scope?: { tenantId: string },
): Promise<Record<string, string>> {
  if (scope !== undefined && !isUuid(scope.tenantId)) throw new Error(`not a tenant id: ${scope.tenantId}`);
  const rows = await db.execute<{ table_schema: string; table_name: string; columns: string[] }>(
    `select table_schema, table_name, array_agg(column_name::text order by ordinal_position) as columns
       from information_schema.columns
      where table_schema not in ('pg_catalog', 'information_schema', 'codexion_migrations')
        and table_schema not like 'pg\\_%'
      group by table_schema, table_name order by 1, 2`,
  );
  const all: TableColumns[] = rows.map((r) => ({
    table: `${r.table_schema}.${r.table_name}`,
    columns: r.columns,
  }));
  const tables = all.filter((t) => !skippedTables.has(t.table));
  const audited =
    all.some((t) => t.table === 'prefiq.audit_log') && all.some((t) => t.table === 'prefiq.audit_pending');
  const tenant = scope?.tenantId;
  const selects: string[] = [];
  for (const { table, columns } of tables) {
    const dropped = (volatileColumns[table] ?? []).map((c) => ` - '${c}'`).join('');
    const [schema, name] = table.split('.');
    let where = '';
    if (tenant !== undefined) {
      if (columns.includes('tenant_id')) where = `where r.tenant_id = '${tenant}'`;
      else if (table === 'prefiq.tenants') where = `where r.id = '${tenant}'`;
      else if (table === 'prefiq.users')
        where = `where r.id in (select user_id from prefiq.memberships where tenant_id = '${tenant}')`;
      else continue;
    }
    selects.push(
      `select '${table}' as t, count(*)::int as n, coalesce(sum(hashtextextended((to_jsonb(r)${dropped})::text, 0)), 0)::text as h from "${schema}"."${name}" r ${where}`,
    );
  }
  const auditWhere = tenant === undefined ? '' : ` and r.tenant_id = '${tenant}'`;
  if (audited)
    selects.push(
      `select 'audit entries' as t, count(*)::int as n, coalesce(sum(hashtextextended(to_jsonb(r)::text, 0)), 0)::text as h from ${auditEntries}${auditWhere}`,
    );
  const hashes = await db.execute<{ t: string; n: number; h: string }>(selects.join('\nunion all\n'));
  return Object.fromEntries(hashes.map((row) => [row.t, `${row.n}:${row.h}`]));
}

/**
 * The tables whose rows differ between two fingerprints.
 *
 * @example
 * changedTables({ 'crm.deals': '3:ab' }, { 'crm.deals': '4:cd' }); // ['crm.deals']
 */
export function changedTables(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}
