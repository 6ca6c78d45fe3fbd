import { type SQL, sql } from 'drizzle-orm';
import { DomainError } from '../errors/domain-error.js';
import type { EntityPlan, FieldPlan } from './entity-plan.js';
import { compileJsonLogicToSql, JsonLogicSqlError, type VarResolution } from './json-logic-sql.js';
import type { FilterCondition } from './parse-list-query.js';
import { type Bind, inline } from './statement-binder.js';

function bound(field: FieldPlan, value: unknown): SQL {
  return sql`cast(${value} as ${sql.raw(field.cast)})`;
}

/** `%`, `_` and the escape character itself, escaped for `LIKE … ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function conditionSql({ field, op, value }: FilterCondition, bind: Bind): SQL {
  const column = field.column;
  switch (op) {
    case 'eq':
      return sql`${column} = ${bound(field, bind(value))}`;
    case 'ne':
      // a NULL is "not equal" too, as JavaScript's `!==` would say of the record's value
      return sql`${column} is distinct from ${bound(field, bind(value))}`;
    case 'lt':
      return sql`${column} < ${bound(field, bind(value))}`;
    case 'lte':
      return sql`${column} <= ${bound(field, bind(value))}`;
    case 'gt':
      return sql`${column} > ${bound(field, bind(value))}`;
    case 'gte':
      return sql`${column} >= ${bound(field, bind(value))}`;
    case 'in':
      return sql`${column} in (${sql.join(
        value.map((v) => bound(field, bind(v))),
        sql`, `,
      )})`;
    case 'contains':
      return sql`${column} ilike ${bind(`%${escapeLike(value)}%`)} escape '\\'`;
    case 'isNull':
      return value ? sql`${column} is null` : sql`${column} is not null`;
  }
}

/** The SQL of `filter[…]` conditions, one per condition (to be joined by AND). */
export function filterConditions(conditions: readonly FilterCondition[], bind: Bind = inline): SQL[] {
  return conditions.map((condition) => conditionSql(condition, bind));
}

/**
 * `q`: a case-insensitive substring match on any of the entity's search fields (those given: the
 * ones the caller may see), with `%` and `_` in the text taken literally.
 *
 * @example
 * searchCondition(plan, '50%') // ("title" ilike '%50\%%' escape '\')
 */
export function searchCondition(
  plan: EntityPlan,
  q: string,
  bind: Bind = inline,
  fields: readonly FieldPlan[] = plan.searchFields,
): SQL {
  const pattern = bind(`%${escapeLike(q)}%`);
  return sql`(${sql.join(
    fields.map((f) => sql`${f.column} ilike ${pattern} escape '\\'`),
    sql` or `,
  )})`;
}

/** Values a `where` may read beside the record's fields. */
export interface WhereContext {
  tenantId: string;
  userId: string | undefined;
  now?: Date;
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * `where`: a JSON Logic expression over the record, compiled to SQL by `compileJsonLogicToSql`.
 * `var` names a field (the tenant excepted) or `$user.id`, `$tenant.id`, `$now`, `$today`.
 *
 * @throws {DomainError} `INVALID_FILTER` with the JSON Pointer of the offending part (`/where/and/1/==/0`)
 *
 * @example
 * whereCondition(plan, { '>': [{ var: 'amount' }, 100] }, { tenantId, userId })
 */
export function whereCondition(plan: EntityPlan, rule: unknown, context: WhereContext): SQL {
  const now = context.now ?? new Date();
  const values: Record<string, unknown> = {
    '$user.id': context.userId,
    '$tenant.id': context.tenantId,
    $now: now.toISOString(),
    $today: now.toISOString().slice(0, 10),
  };
  const resolveVar = (name: string): VarResolution | undefined => {
    if (Object.hasOwn(values, name)) return { kind: 'value', value: values[name] };
    const field = plan.fields.get(name);
    if (field === undefined || field.name === 'tenantId') return undefined;
    // the statement reads one table, so the bare column name is unambiguous
    return {
      kind: 'column',
      sql: quoteIdentifier(field.column.name),
      type: field.kind,
      nullable: field.nullable,
    };
  };
  try {
    const fragment = compileJsonLogicToSql(rule, { resolveVar });
    return sql.join(
      fragment.chunks.map((chunk) => (typeof chunk === 'string' ? sql.raw(chunk) : sql`${chunk.param}`)),
    );
  } catch (error) {
    if (error instanceof JsonLogicSqlError) {
      throw new DomainError('INVALID_FILTER', `where cannot be used: ${error.message}`, {
        issues: [{ path: `/where${error.path}`, code: error.code, message: error.message }],
        cause: error,
      });
    }
    throw error;
  }
}
