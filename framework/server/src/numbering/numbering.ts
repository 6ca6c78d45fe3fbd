import { sql } from 'drizzle-orm';
import type { Db } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import type { JoinsTransaction, TransactionScope } from '../data/join-transaction.js';
import { createToken } from '../foundation/container.js';

/** What a series is called: `SINV`, `PAY`, `QT-EU` (1 to 32 letters, digits, `_ . -`). */
const seriesName = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;
/** What it counts in: `2026`, `2026-27`, or `''` for a series that never restarts. */
const scopeName = /^[A-Za-z0-9_.-]{0,32}$/;

/**
 * Gapless document numbers per tenant (`prefiq.number_series`): numbers of one series and scope
 * are 1, 2, 3… with none skipped. `ctx.services.get(NumberingToken)` hands it out joined to the
 * context's transaction; the kernel's own (unjoined) one has no transaction to number in.
 */
export interface Numbering extends JoinsTransaction<Numbering> {
  /**
   * The next number of `series` in `scope` of the context's tenant, taken in the context's
   * transaction: the series' row stays locked until that transaction ends, so concurrent callers
   * of one series take their numbers one after the other, and a transaction that rolls back gives
   * its number back (the next caller gets it).
   *
   * @throws {Error} outside a caller's transaction, or for a malformed series or scope
   */
  next(series: string, scope?: string): Promise<number>;
}

/** The numbering service of `ctx.services` (ADR 0027 §10). */
export const NumberingToken = createToken<Numbering>('prefiq.numbering');

async function nextInTransaction(tx: Db, tenantId: string, series: string, scope: string): Promise<number> {
  if (!seriesName.test(series)) throw new Error(`"${series}" cannot name a number series`);
  if (!scopeName.test(scope)) throw new Error(`"${scope}" cannot scope a number series`);
  // the first number starts the series at 2; each later one takes `next` and moves it on
  const [row] = await executeRows<{ taken: string | number | bigint }>(
    tx,
    sql`insert into prefiq.number_series as s (tenant_id, series, scope, next)
        values (${tenantId}::uuid, ${series}, ${scope}, 2)
        on conflict (tenant_id, series, scope) do update set next = s.next + 1
        returning s.next - 1 as taken`,
  );
  const taken = Number(row?.taken);
  if (!Number.isSafeInteger(taken) || taken < 1) {
    throw new Error(`number series ${series}/${scope} gave ${String(row?.taken)}`);
  }
  return taken;
}

function joined(scope: TransactionScope): Numbering {
  const { tx, tenantId } = scope;
  const numbering: Numbering = {
    inTransaction: (other) => joined(other),
    next: (series, seriesScope = '') => {
      if (tenantId === undefined || tenantId === '') {
        return Promise.reject(new Error('a document number belongs to a tenant: this transaction has none'));
      }
      return nextInTransaction(tx, tenantId, series, seriesScope);
    },
  };
  return numbering;
}

/**
 * The numbering service the kernel registers under {@link NumberingToken}. Numbers are only ever
 * taken in a caller's transaction (the document they number commits with them), so `next` works
 * on the service `inTransaction` returns, which `ctx.services` hands out.
 *
 * @example
 * const numbering = ctx.services.get(NumberingToken); // joined to ctx.tx
 * const seq = await numbering.next('SINV', '2026'); // 1, then 2, …
 * const number = formatDocumentNumber('{series}-{scope}-{seq:5}', { series: 'SINV', scope: '2026', seq });
 */
export function createNumbering(): Numbering {
  return {
    inTransaction: (scope) => joined(scope),
    next: () =>
      Promise.reject(
        new Error('document numbers are taken in a transaction: use ctx.services.get(NumberingToken)'),
      ),
  };
}
