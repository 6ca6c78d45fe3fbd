import { executeRows } from '@codexion/framework/data';
import type { PluginContext } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import { erp } from '../erp.js';
import type { BinKey } from './fifo-value-at.js';
import {
  type FollowedReceipt,
  type MoveValuation,
  type ReplayedBinState,
  type ReplayedMove,
  type ReplayPoint,
  replayBin,
} from './replay-bin.js';

type Ctx = Pick<PluginContext, 'tx' | 'tenantId'>;

/** A later move whose value the replay changed: what the ledger must be told (ADR 0027 §6). */
export interface RevaluedMove {
  moveId: number;
  voucherId: string;
  voucherNo: string;
  lineNo: number;
  itemId: string;
  warehouseId: string;
  postingDate: string;
  qty: number;
  qtyAfter: number;
  valueAfter: number;
  /** new value change − the one the ledger holds, in base minor units */
  difference: number;
  /** the stock entry's kind and offset account (the revaluation's other side) */
  kind: string;
  offsetAccountId: string | null;
  stockAccountId: string | null;
}

/** A reposted bin: its state after the last move, the backdated move's valuation, and the moves revalued. */
export interface RepostedBin {
  qty: number;
  value: number;
  /** FIFO items only: the bin's counters after the replay */
  fifo?: { fifoIn: number; fifoOut: number };
  first: MoveValuation;
  revalued: RevaluedMove[];
  /** every bin the repost replayed (the transfers' receiving bins too), as it left them */
  bins: ReplayedBinState[];
}

/** Where the replay starts and how a refusal names the entry being posted. */
export interface RepostFrom {
  /** the first move replayed on `fromDate` (moves of that date before it keep their valuation); 0: all */
  fromMoveId?: number;
  /** the backdated line (`/lines/0`): a refusal of its own move lands at `<path>/qty` */
  path?: string;
}

const keyOf = (bin: BinKey) => `${bin.itemId}/${bin.warehouseId}`;
const isBefore = (a: ReplayPoint, b: ReplayPoint) =>
  a.date < b.date || (a.date === b.date && a.moveId < b.moveId);

const unchanged = (move: ReplayedMove, was: MoveValuation) =>
  move.qtyAfter === was.qtyAfter &&
  move.valueAfter === was.valueAfter &&
  move.valueChange === was.valueChange;

/**
 * The first of `moves` dated in a period that is not open, or on or before the lock date: its
 * valuation may not change (ADR 0027 §7). Periods close in order and the lock date only passes
 * closed periods, so a replay after an entry that is itself open never meets one; this is the
 * backstop that keeps a closed book as it is.
 */
async function refuseClosed(ctx: Ctx, moves: readonly ReplayedMove[]): Promise<void> {
  if (moves.length === 0) return;
  const days = [...new Set(moves.map((move) => move.postingDate))];
  const [closed] = await executeRows<{ day: string; period: string | null; lock_date: string | null }>(
    ctx.tx,
    sql`select d.day::text as day, p.name as period, s.lock_date::text as lock_date
          from (values ${sql.join(
            days.map((day) => sql`(${day}::date)`),
            sql`, `,
          )}) as d(day)
          left join erp.accounting_periods p on p.tenant_id = ${ctx.tenantId} and p.start_date <= d.day and p.end_date >= d.day
          left join erp.company_settings s on s.tenant_id = ${ctx.tenantId}
         where p.status is distinct from 'open' or d.day <= s.lock_date
         order by d.day limit 1`,
  );
  if (closed === undefined) return;
  const move = moves.find((candidate) => candidate.postingDate === closed.day) as ReplayedMove;
  const why =
    closed.lock_date !== null && closed.day <= closed.lock_date
      ? `on or before the lock date ${closed.lock_date}`
      : closed.period === null
        ? 'in no accounting period'
        : `in the closed period ${closed.period}`;
  const message = `this entry would change the valuation of ${move.voucherNo} on ${closed.day}, ${why}: post it on or after ${closed.day}, or open that period`;
  throw erp.error('PERIOD_CLOSED', message, {
    issues: [{ path: '/postingDate', code: 'period-closed', message }],
  });
}

/**
 * Reposts after a backdated move (ADR 0027 §6 "Backdated entries", §13): replays its bin from
 * `fromDate` (and `fromMoveId` on that date) with `replayBin`, then, for every later transfer
 * whose cost that changed, the receiving bin from the transfer's receipt — and onward, always the
 * earliest pending (posting date, move id) first, so a bin the chain comes back to (A → B → A) is
 * replayed again from where the chain re-enters it. Each step starts after the move that caused
 * it, so the chain ends. The bins it reaches are locked `FOR UPDATE` as it reaches them.
 *
 * Answers the moves whose value changed against what the ledger holds (`revalued`, for the
 * `stock-revaluation` vouchers), the backdated move's valuation and the bins' new state. Refuses
 * (the caller's transaction rolls back, nothing is kept) a replay that takes any bin below zero
 * (422 INSUFFICIENT_STOCK naming the entry and date), that would change a move dated in a period
 * not open or on or before the lock date (422 PERIOD_CLOSED naming it), or that would change the
 * value of a move that is not a stock entry's (422 STOCK_LINE_INVALID).
 *
 * @example
 * const { revalued, bins } = await repostBin(ctx, itemId, warehouseId, '2026-03-01', { fromMoveId, path: '/lines/0' });
 */
export async function repostBin(
  ctx: Ctx,
  itemId: string,
  warehouseId: string,
  fromDate: string,
  { fromMoveId = 0, path = '' }: RepostFrom = {},
): Promise<RepostedBin> {
  const origin: FollowedReceipt = { itemId, warehouseId, date: fromDate, moveId: fromMoveId };
  const pending = new Map<string, FollowedReceipt>([[keyOf(origin), origin]]);
  const bins = new Map<string, ReplayedBinState>();
  const touched = new Map<number, ReplayedMove>();
  /** each move's valuation row before the repost (a move replayed twice keeps its first) */
  const was = new Map<number, MoveValuation>();
  while (pending.size > 0) {
    const next = [...pending.values()].reduce((earliest, point) =>
      isBefore(point, earliest) ? point : earliest,
    );
    pending.delete(keyOf(next));
    if (keyOf(next) !== keyOf(origin)) {
      await ctx.tx.execute(
        sql`select 1 from erp.bins where tenant_id = ${ctx.tenantId} and item_id = ${next.itemId}::uuid
              and warehouse_id = ${next.warehouseId}::uuid for update`,
      );
    }
    const replayed = await replayBin(ctx, next, next, { moveId: fromMoveId, path });
    bins.set(keyOf(next), replayed.state);
    for (const move of replayed.moves) {
      if (!was.has(move.moveId)) was.set(move.moveId, move.was);
      touched.set(move.moveId, move);
    }
    for (const receipt of replayed.follow) {
      const queued = pending.get(keyOf(receipt));
      if (queued === undefined || isBefore(receipt, queued)) pending.set(keyOf(receipt), receipt);
    }
  }
  const changed = [...touched.values()].filter(
    (move) => move.moveId !== fromMoveId && !unchanged(move, was.get(move.moveId) as MoveValuation),
  );
  await refuseClosed(ctx, changed);
  const revalued: RevaluedMove[] = [];
  for (const move of changed) {
    const difference = move.valueChange - (was.get(move.moveId) as MoveValuation).valueChange;
    if (difference === 0) continue;
    if (move.kind === null) {
      const message = `this entry would change the cost of ${move.voucherNo} on ${move.postingDate}, which is not a stock entry; post it on or after that date`;
      throw erp.error('STOCK_LINE_INVALID', message, {
        issues: [{ path: '/postingDate', code: 'backdated', message }],
      });
    }
    revalued.push({
      moveId: move.moveId,
      voucherId: move.voucherId,
      voucherNo: move.voucherNo,
      lineNo: move.lineNo,
      itemId: move.itemId,
      warehouseId: move.warehouseId,
      postingDate: move.postingDate,
      qty: move.qty,
      qtyAfter: move.qtyAfter,
      valueAfter: move.valueAfter,
      difference,
      kind: move.kind,
      offsetAccountId: move.offsetAccountId,
      stockAccountId: move.stockAccountId,
    });
  }
  const own = touched.get(fromMoveId);
  const state = bins.get(keyOf(origin)) as ReplayedBinState;
  return {
    qty: state.qty,
    value: state.value,
    ...(state.fifo === undefined ? {} : { fifo: state.fifo }),
    first:
      own === undefined
        ? { qtyAfter: state.qty, valueAfter: state.value, valueChange: 0 }
        : { qtyAfter: own.qtyAfter, valueAfter: own.valueAfter, valueChange: own.valueChange },
    revalued,
    bins: [...bins.values()],
  };
}
