import type { StockEntry } from '../../core/generated/client/types.gen.js';
import type { LedgerRow } from '../ledger/post-voucher.js';
import type { StockMoved } from './move-stock.js';

/** The company's default accounts a stock entry's rows fall back on. */
export interface StockAccountDefaults {
  stockAccountId: string | null;
  stockReceivedNotBilledAccountId: string | null;
  cogsAccountId: string | null;
  stockAdjustmentAccountId: string | null;
  baseCurrency: string;
}

const offsetDefault: Record<StockEntry['kind'], keyof StockAccountDefaults | undefined> = {
  receipt: 'stockReceivedNotBilledAccountId',
  issue: 'cogsAccountId',
  adjustment: 'stockAdjustmentAccountId',
  transfer: undefined,
};

/**
 * The general-ledger rows of a stock entry's moves, from the costs `moveStock` gave them (ADR 0027
 * §6): each move's value change on its warehouse's stock account (else the company's), against
 * the entry's offset account (else stock received not billed for receipts, COGS for issues, stock
 * adjustment for adjustments); a transfer's two moves cancel out, so it moves value between the
 * warehouses' stock accounts only. Netted per account: no rows when nothing changes account (a
 * transfer within one stock account), and the reversal's moves give the original rows swapped.
 *
 * @example
 * stockEntryRows({ kind: 'receipt', offsetAccountId: null }, moves, defaults)
 * // [{ accountId: stock, debit: 1000, credit: 0, … }, { accountId: srnb, debit: 0, credit: 1000, … }]
 */
export function stockEntryRows(
  entry: Pick<StockEntry, 'kind' | 'offsetAccountId'>,
  moves: readonly StockMoved[],
  defaults: StockAccountDefaults,
  remarks: string | null = null,
): LedgerRow[] {
  const net = new Map<string, { amount: number; path: string }>();
  const add = (accountId: string | null | undefined, amount: number, path: string) => {
    if (amount === 0) return;
    if (!accountId)
      throw new Error(`${path}: no account to post ${amount} to; set the company's stock accounts`);
    const current = net.get(accountId);
    net.set(accountId, { amount: (current?.amount ?? 0) + amount, path: current?.path ?? path });
  };
  const offsetKey = offsetDefault[entry.kind];
  const offset =
    entry.offsetAccountId ?? (offsetKey === undefined ? null : (defaults[offsetKey] as string | null));
  for (const move of moves) {
    const path = `/lines/${move.lineNo}`;
    add(move.stockAccountId ?? defaults.stockAccountId, move.valueChange, path);
    if (entry.kind !== 'transfer') add(offset, -move.valueChange, path);
  }
  return [...net]
    .filter(([, { amount }]) => amount !== 0)
    .map(([accountId, { amount, path }]) => ({
      accountId,
      debit: Math.max(amount, 0),
      credit: Math.max(-amount, 0),
      currency: defaults.baseCurrency,
      rateNano: 1_000_000_000,
      remarks,
      path,
    }));
}
