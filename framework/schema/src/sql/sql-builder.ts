import { JsonLogicSqlError } from './json-logic-sql-error.js';
import type { SqlChunk } from './sql-fragment.js';

/** SQL under construction: text and bound values in order (internal to the compiler). */
export type Sql = readonly SqlChunk[];

/**
 * A condition: a boolean known at compile time, or SQL that is never NULL. Keeping every
 * condition two-valued is what lets `NOT`, `AND` and `OR` mean what they mean in JavaScript.
 */
export type Cond = boolean | Sql;

/** Casts written after every bound value, so its type never depends on the driver or on inference. */
export type SqlCast = 'text' | 'bigint' | 'float8' | 'boolean' | 'date' | 'timestamptz' | 'uuid';

/**
 * Most chunks a rule may compile to. A value that is null-tested and compared appears twice, so
 * and/or/if values nested in comparisons grow the SQL geometrically: past this, refuse the rule.
 */
const maxChunks = 200_000;

function append(out: SqlChunk[], part: Sql): void {
  if (out.length + part.length > maxChunks) {
    throw new JsonLogicSqlError(
      'TOO_COMPLEX',
      '',
      `the rule compiles to more than ${maxChunks} SQL pieces: and/or/if used as values nest too deep`,
    );
  }
  for (const chunk of part) out.push(chunk);
}

/**
 * Builds SQL from text and nested pieces.
 *
 * @example
 * sql`${raw('"t"."amount"')} < ${bound(5, 'bigint')}` // ['"t"."amount"', ' < ', { param: 5 }, '::bigint']
 */
export function sql(strings: TemplateStringsArray, ...parts: Sql[]): Sql {
  const out: SqlChunk[] = [];
  strings.forEach((text, i) => {
    if (text !== '') out.push(text);
    const part = parts[i];
    if (part !== undefined) append(out, part);
  });
  return out;
}

/** Trusted SQL text: identifiers from the resolver, or text written in this folder. */
export function raw(text: string): Sql {
  return [text];
}

/** A bound value with its type. */
export function bound(value: string | number | boolean, cast: SqlCast): Sql {
  return [{ param: value }, `::${cast}`];
}

export function joinSql(parts: readonly Sql[], separator: string): Sql {
  const out: SqlChunk[] = [];
  parts.forEach((part, i) => {
    if (i > 0) out.push(separator);
    append(out, part);
  });
  return out;
}

/** The parts of SQL built by {@link condAnd} or {@link condOr}, so nested ones flatten into one list. */
const junctions = new WeakMap<Sql, { op: 'AND' | 'OR'; parts: readonly Sql[] }>();

function sameSql(a: Sql, b: Sql): boolean {
  return (
    a.length === b.length &&
    a.every((chunk, i) => {
      const other = b[i];
      if (typeof chunk === 'string' || typeof other === 'string') return chunk === other;
      return other !== undefined && Object.is(chunk.param, other.param);
    })
  );
}

function junction(op: 'AND' | 'OR', conds: readonly Cond[]): Cond {
  const absorbing = op === 'OR';
  if (conds.includes(absorbing)) return absorbing;
  const parts: Sql[] = [];
  for (const cond of conds) {
    if (typeof cond === 'boolean') continue;
    const nested = junctions.get(cond);
    for (const part of nested?.op === op ? nested.parts : [cond]) {
      if (!parts.some((seen) => sameSql(seen, part))) parts.push(part);
    }
  }
  const [first] = parts;
  if (first === undefined) return !absorbing;
  if (parts.length === 1) return first;
  const out = sql`(${joinSql(parts, ` ${op} `)})`;
  junctions.set(out, { op, parts });
  return out;
}

export function condAnd(conds: readonly Cond[]): Cond {
  return junction('AND', conds);
}

export function condOr(conds: readonly Cond[]): Cond {
  return junction('OR', conds);
}

export function condNot(cond: Cond): Cond {
  return typeof cond === 'boolean' ? !cond : sql`(NOT ${condSql(cond)})`;
}

/** `test ? then : otherwise` over two-valued conditions, folding what is known. */
export function condIf(test: Cond, then: Cond, otherwise: Cond): Cond {
  if (typeof test === 'boolean') return test ? then : otherwise;
  if (then === otherwise && typeof then === 'boolean') return then;
  if (then === true && otherwise === false) return test;
  if (then === false && otherwise === true) return condNot(test);
  if (then === true) return condOr([test, otherwise]);
  if (then === false) return condAnd([condNot(test), otherwise]);
  if (otherwise === true) return condOr([condNot(test), then]);
  if (otherwise === false) return condAnd([test, then]);
  return condOr([condAnd([test, then]), condAnd([condNot(test), otherwise])]);
}

/** SQL already in parentheses, which {@link condSql} need not wrap again. */
const grouped = new WeakSet<Sql>();

/** A condition as SQL that can stand next to any operator: constants as `TRUE`/`FALSE`, else in parentheses. */
export function condSql(cond: Cond): Sql {
  if (typeof cond === 'boolean') return raw(cond ? 'TRUE' : 'FALSE');
  if (junctions.has(cond) || grouped.has(cond)) return cond;
  const out = sql`(${cond})`;
  grouped.add(out);
  return out;
}
