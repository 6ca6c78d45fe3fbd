/** What a PostgreSQL error says, whichever driver raised it and whatever wrapped it. */
export interface PgErrorInfo {
  /** SQLSTATE, e.g. `23505`; or a driver code such as `CONNECTION_CLOSED` */
  code: string;
  constraint: string | undefined;
  detail: string | undefined;
  table: string | undefined;
  column: string | undefined;
  message: string;
}

function field(error: object, ...names: string[]): string | undefined {
  for (const name of names) {
    const value: unknown = (error as Record<string, unknown>)[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/**
 * Finds the PostgreSQL error in a chain of causes: drizzle wraps driver errors in
 * `DrizzleQueryError`, postgres.js names fields `constraint_name`, PGlite names them `constraint`.
 *
 * @example
 * const info = pgErrorOf(error);
 * if (info?.code === '23505') throw uniqueViolation(info.constraint);
 */
export function pgErrorOf(error: unknown): PgErrorInfo | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth++) {
    const code = field(current, 'code');
    if (code !== undefined && (/^[0-9A-Z]{5}$/.test(code) || code.startsWith('CONNECTION_'))) {
      return {
        code,
        constraint: field(current, 'constraint_name', 'constraint'),
        detail: field(current, 'detail'),
        table: field(current, 'table_name', 'table'),
        column: field(current, 'column_name', 'column'),
        message: current instanceof Error ? current.message : String(code),
      };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** SQLSTATE classes and driver codes that mean the connection is gone, not just the statement. */
export function isConnectionLoss(info: PgErrorInfo | undefined): boolean {
  if (info === undefined) return false;
  return (
    info.code.startsWith('CONNECTION_') ||
    info.code.startsWith('08') ||
    info.code === '57P01' ||
    info.code === '57P02' ||
    info.code === '57P03'
  );
}

/**
 * The column names of a unique or foreign key violation's detail, never its values (they may be
 * personal data): `Key (tenant_id, domain)=(…) already exists.` → `['tenant_id', 'domain']`.
 *
 * @example
 * keyColumns('Key (tenant_id, domain)=(a, b) already exists.') // ['tenant_id', 'domain']
 */
export function keyColumns(detail: string | undefined): string[] {
  const match = detail === undefined ? null : /^Key \(([^)]*)\)=/.exec(detail);
  if (match === null || match[1] === undefined) return [];
  return match[1].split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
}

/**
 * The key of a violation's detail as column → value text, for matching it against the rows of a
 * write (never for showing: values may be personal data). Empty when the detail cannot be split
 * unambiguously.
 *
 * @example
 * keyValues('Key (tenant_id, domain)=(t1, acme.com) already exists.') // { tenant_id: 't1', domain: 'acme.com' }
 */
export function keyValues(detail: string | undefined): Record<string, string> {
  const match =
    detail === undefined ? null : /^Key \(([^)]*)\)=\((.*)\) (?:already exists|is not present)/.exec(detail);
  if (match === null || match[1] === undefined || match[2] === undefined) return {};
  const columns = match[1].split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  const values = match[2].split(', ');
  if (columns.length !== values.length) return {};
  return Object.fromEntries(columns.map((c, i) => [c, values[i] ?? '']));
}
