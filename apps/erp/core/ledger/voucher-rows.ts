import type { JournalEntry, Payment, SalesInvoice } from '../generated/client/types.gen.js';
import { voucherBalance } from './balanced.js';
import { type ConversionExponents, roundHalfEven, toBase } from './convert.js';
import { invoiceTotals } from './invoice-totals.js';
import { LedgerInputError } from './ledger-input-error.js';

/**
 * One row a document posts to `erp.gl_entries`: the columns the document decides (the posting
 * service adds tenant, voucher, number, date and period). `debit`/`credit` are minor units of the
 * base currency, `debitFc`/`creditFc` of the document's `currency`; `lineIndex` is the index in
 * `lines` (a payment: in `allocations`) the row comes from, the first one for grouped rows, so
 * the server can answer a refused row with the field's path.
 */
export interface VoucherRow {
  accountId: string;
  partyId: string | null;
  costCenterId: string | null;
  againstVoucherId: string | null;
  dueDate: string | null;
  debit: number;
  credit: number;
  debitFc: number;
  creditFc: number;
  currency: string;
  rateNano: number;
  remarks: string | null;
  lineIndex?: number;
}

/** The company's default accounts the posting falls back to (from `company-settings`). */
export interface PostingDefaults {
  receivableAccountId: string;
  payableAccountId: string;
  salesAccountId: string;
  purchaseAccountId: string;
  salesTaxAccountId: string;
  purchaseTaxAccountId: string;
  roundOffAccountId: string;
  /** where a payment books the realised difference between an invoice's base value and its own */
  exchangeGainLossAccountId?: string | null;
}

/** What an invoice (or credit note, advance) still owes before a payment: `erp.open_items`' row. */
export interface SettledItem {
  /** debit − credit in base minor units */
  balance: number;
  /** debit − credit in the item's currency */
  balanceFc: number;
}

/** What a document's rows depend on beyond the document: the company and its master data. */
export interface PostingContext {
  baseCurrency: string;
  /** minor-unit exponent per currency code, as stored in `erp.currencies` */
  exponents: Record<string, number>;
  defaults: PostingDefaults;
  /** the party's own receivable/payable account (`party.accountId`), when it has one */
  partyAccountId?: string | null;
  /** income (sales) or expense (purchases) account per item id */
  itemAccounts?: Record<string, string>;
  /**
   * a payment's allocated invoices' open items before it, by voucher id in lower case
   * (`GET /open-items`): each allocation clears its invoice at the base value the invoice carries
   */
  openItems?: Record<string, SettledItem>;
}

/** The fields of a sales or purchase invoice its rows depend on (both have the same shape). */
export type InvoiceDocument = Pick<
  SalesInvoice,
  'id' | 'kind' | 'returnAgainstId' | 'partyId' | 'dueDate' | 'currency' | 'rateNano' | 'lines' | 'reference'
>;

/** The fields of a journal entry its rows depend on. */
export type JournalEntryDocument = Pick<JournalEntry, 'currency' | 'rateNano' | 'lines' | 'memo'>;

/** The fields of a payment its rows depend on. */
export type PaymentDocument = Pick<
  Payment,
  | 'id'
  | 'direction'
  | 'partyId'
  | 'amount'
  | 'currency'
  | 'rateNano'
  | 'bankAccountId'
  | 'allocations'
  | 'reference'
>;

/**
 * A row in the document currency; `adjusts` marks an exchange adjustment (a journal line with
 * `adjustsCurrency`): its amounts are base minor units of the value of a balance held in that
 * currency, which the row moves in base only (no foreign amount). `base` fixes the row's base
 * amounts instead of converting them (an allocation at its invoice's value, an exchange difference).
 */
type FcRow = Omit<VoucherRow, 'debit' | 'credit' | 'currency' | 'rateNano'> & {
  adjusts?: string;
  base?: Pick<VoucherRow, 'debit' | 'credit'>;
};
type Money = Pick<VoucherRow, 'currency' | 'rateNano'>;

const unitRate = 1_000_000_000;

/** `amount` on the debit side when `debit`, else on the credit side, in the document currency. */
function fcSide(amount: number, debit: boolean): Pick<VoucherRow, 'debitFc' | 'creditFc'> {
  return debit ? { debitFc: amount, creditFc: 0 } : { debitFc: 0, creditFc: amount };
}

function exponentOf(ctx: PostingContext, currency: string, path: string): number {
  const exponent = ctx.exponents[currency];
  if (exponent === undefined)
    throw new LedgerInputError(path, `${path}: no exponent is known for ${currency}`);
  return exponent;
}

function positiveAmount(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0)
    throw new LedgerInputError(
      path,
      `${path}: ${String(value)} is not a whole number of minor units above zero`,
    );
  return value;
}

/**
 * Turns a document's rows in its currency into GL rows: drops empty rows, checks that debits
 * equal credits in the document currency, converts each row to base (`toBase`, half-even) and
 * appends one row on the round-off account for what rounding left between debits and credits.
 */
function finishVoucher(rows: readonly FcRow[], money: Money, ctx: PostingContext): VoucherRow[] {
  const { currency, rateNano } = money;
  const exponents = {
    fcExponent: exponentOf(ctx, currency, '/currency'),
    baseExponent: exponentOf(ctx, ctx.baseCurrency, '/currency'),
  };
  if (currency === ctx.baseCurrency && rateNano !== unitRate)
    throw new LedgerInputError(
      '/rateNano',
      `/rateNano: a document in the base currency has the rate ${unitRate}`,
    );
  positiveAmount(rateNano, '/rateNano');
  const kept = rows.filter(
    (row) =>
      row.debitFc !== 0 || row.creditFc !== 0 || (row.base?.debit ?? 0) + (row.base?.credit ?? 0) !== 0,
  );
  const fc = voucherBalance(kept.map((row) => ({ debit: row.debitFc, credit: row.creditFc })));
  if (fc.difference !== 0)
    throw new LedgerInputError('/lines', `/lines: debits (${fc.debit}) must equal credits (${fc.credit})`);
  const converted = kept.map(({ adjusts, base: fixed, ...row }): VoucherRow => {
    if (fixed !== undefined) return { ...row, ...fixed, currency, rateNano };
    if (adjusts !== undefined) {
      const base = { debit: row.debitFc, credit: row.creditFc, debitFc: 0, creditFc: 0 };
      return { ...row, ...base, currency: adjusts, rateNano };
    }
    try {
      const debit = toBase(row.debitFc, rateNano, exponents);
      const credit = toBase(row.creditFc, rateNano, exponents);
      return { ...row, debit, credit, currency, rateNano };
    } catch (error) {
      throw new LedgerInputError('/rateNano', `/rateNano: ${(error as Error).message}`);
    }
  });
  const { difference } = voucherBalance(converted);
  if (difference === 0) return converted;
  const roundOff: VoucherRow = {
    accountId: ctx.defaults.roundOffAccountId,
    partyId: null,
    costCenterId: null,
    againstVoucherId: null,
    dueDate: null,
    debit: difference < 0 ? -difference : 0,
    credit: difference > 0 ? difference : 0,
    debitFc: 0,
    creditFc: 0,
    currency,
    rateNano,
    remarks: null,
  };
  return [...converted, roundOff];
}

/**
 * The GL rows of a journal entry: one per line, in the entry's currency and rate, with the line's
 * description (else the memo) as remarks, against the open item the line names. A line with
 * `adjustsCurrency` (the entry in base) is an exchange adjustment: its row is in that currency
 * with its amount in base only, so it moves a foreign balance's base value and not the balance.
 *
 * @throws LedgerInputError at `/lines/<i>` for a line that is not exactly one of debit or credit
 *   above zero, at `/lines` when debits and credits differ
 * @example
 * journalEntryRows({ currency: 'EUR', rateNano: 1e9, memo: 'Rent', lines: [
 *   { accountId: rent, debit: 120_000, credit: 0 }, { accountId: bank, debit: 0, credit: 120_000 } ] }, ctx)
 */
export function journalEntryRows(entry: JournalEntryDocument, ctx: PostingContext): VoucherRow[] {
  const rows = entry.lines.map((line, i): FcRow => {
    const adjusts = line.adjustsCurrency ?? undefined;
    if (adjusts !== undefined && entry.currency !== ctx.baseCurrency)
      throw new LedgerInputError(
        `/lines/${i}/adjustsCurrency`,
        `line ${i}: an exchange adjustment is written in the base currency (${ctx.baseCurrency}), not ${entry.currency}`,
      );
    if (adjusts === ctx.baseCurrency)
      throw new LedgerInputError(
        `/lines/${i}/adjustsCurrency`,
        `line ${i}: an exchange adjustment adjusts a foreign currency, not the base currency ${adjusts}`,
      );
    const debit = line.debit === 0 ? 0 : positiveAmount(line.debit, `/lines/${i}/debit`);
    const credit = line.credit === 0 ? 0 : positiveAmount(line.credit, `/lines/${i}/credit`);
    if ((debit === 0) === (credit === 0))
      throw new LedgerInputError(
        `/lines/${i}`,
        `line ${i}: a journal line is either a debit or a credit, above zero`,
      );
    return {
      accountId: line.accountId,
      partyId: line.partyId ?? null,
      costCenterId: line.costCenterId ?? null,
      againstVoucherId: line.againstVoucherId ?? null,
      dueDate: null,
      ...fcSide(debit || credit, debit > 0),
      remarks: line.description ?? entry.memo ?? null,
      lineIndex: i,
      ...(adjusts === undefined ? {} : { adjusts }),
    };
  });
  return finishVoucher(rows, entry, ctx);
}

/** Adds `amount` to the row of (account, cost center), creating it at the line it first appears. */
function addToGroup(
  groups: Map<string, FcRow>,
  account: { accountId: string; costCenterId: string | null },
  amount: number,
  debit: boolean,
  lineIndex: number,
): void {
  const key = `${account.accountId}\u0000${account.costCenterId ?? ''}`;
  const group = groups.get(key);
  if (group === undefined) {
    groups.set(key, {
      ...account,
      partyId: null,
      againstVoucherId: null,
      dueDate: null,
      ...fcSide(amount, debit),
      remarks: null,
      lineIndex,
    });
    return;
  }
  if (debit) group.debitFc += amount;
  else group.creditFc += amount;
}

interface InvoiceSide {
  partyAccountId: string;
  lineAccountId: string;
  taxAccountId: string;
  /** whether an invoice (not a credit note) debits the party: sales yes, purchases no */
  partyDebit: boolean;
}

function invoiceRows(invoice: InvoiceDocument, ctx: PostingContext, side: InvoiceSide): VoucherRow[] {
  const totals = invoiceTotals(invoice.lines);
  const creditNote = invoice.kind === 'credit-note';
  const partyDebit = side.partyDebit !== creditNote;
  const againstOther = creditNote && invoice.returnAgainstId != null;
  const party: FcRow = {
    accountId: ctx.partyAccountId ?? side.partyAccountId,
    partyId: invoice.partyId,
    costCenterId: null,
    againstVoucherId: againstOther ? (invoice.returnAgainstId ?? invoice.id) : invoice.id,
    dueDate: againstOther ? null : invoice.dueDate,
    ...fcSide(totals.total, partyDebit),
    remarks: invoice.reference ?? null,
  };
  const lineRows = new Map<string, FcRow>();
  const taxRows = new Map<string, FcRow>();
  invoice.lines.forEach((line, i) => {
    const amounts = totals.lines[i] ?? { net: 0, tax: 0 };
    const costCenterId = line.costCenterId ?? null;
    const itemAccount = line.itemId == null ? undefined : ctx.itemAccounts?.[line.itemId];
    const accountId = line.accountId ?? itemAccount ?? side.lineAccountId;
    addToGroup(lineRows, { accountId, costCenterId }, amounts.net, !partyDebit, i);
    const taxAccountId = line.taxAccountId ?? side.taxAccountId;
    addToGroup(taxRows, { accountId: taxAccountId, costCenterId }, amounts.tax, !partyDebit, i);
  });
  return finishVoucher([party, ...lineRows.values(), ...taxRows.values()], invoice, ctx);
}

/**
 * The GL rows of a sales invoice: Dr the party's receivable (its own account, else the company's)
 * for the total, against the invoice and with its due date; Cr income per (account, cost center)
 * for the nets — the line's account, else the item's, else the company's sales account; Cr output
 * tax per (tax account, cost center). A credit note mirrors every side; when it names
 * `returnAgainstId` its receivable row settles that invoice (against it, no due date of its own).
 *
 * @throws LedgerInputError naming the field (see `invoiceTotals`, and `/currency`, `/rateNano`)
 * @example
 * const rows = salesInvoiceRows(invoice, { baseCurrency: 'EUR', exponents: { EUR: 2 }, defaults });
 * voucherBalance(rows).difference // 0
 */
export function salesInvoiceRows(invoice: InvoiceDocument, ctx: PostingContext): VoucherRow[] {
  const { receivableAccountId, salesAccountId, salesTaxAccountId } = ctx.defaults;
  return invoiceRows(invoice, ctx, {
    partyAccountId: receivableAccountId,
    lineAccountId: salesAccountId,
    taxAccountId: salesTaxAccountId,
    partyDebit: true,
  });
}

/**
 * The GL rows of a purchase invoice, the mirror of `salesInvoiceRows`: Cr the party's payable for
 * the total, Dr expense per (account, cost center) — the line's, the item's, else the company's
 * purchase account — and Dr input tax. A credit note (from the supplier) mirrors every side.
 *
 * @throws LedgerInputError naming the field
 * @example
 * const rows = purchaseInvoiceRows(bill, ctx);
 */
export function purchaseInvoiceRows(invoice: InvoiceDocument, ctx: PostingContext): VoucherRow[] {
  const { payableAccountId, purchaseAccountId, purchaseTaxAccountId } = ctx.defaults;
  return invoiceRows(invoice, ctx, {
    partyAccountId: payableAccountId,
    lineAccountId: purchaseAccountId,
    taxAccountId: purchaseTaxAccountId,
    partyDebit: false,
  });
}

/** What is left of an open item to settle, in its currency and in base, both ≥ 0. */
interface Remaining {
  fc: number;
  base: number;
}

/**
 * The base an allocation of `amountFc` clears from what is left of an open item: all of the base
 * when it settles all of the currency, else the same share of it, rounded half to even; undefined
 * when nothing is left in the currency (the payment's own rate applies).
 */
function carryingValue(left: Remaining | undefined, amountFc: number): number | undefined {
  if (left === undefined || left.fc <= 0) return undefined;
  if (amountFc >= left.fc) return left.base;
  return Number(roundHalfEven(BigInt(left.base) * BigInt(amountFc), BigInt(left.fc)));
}

/** `amountFc` at the payment's rate; a conversion out of range is a refusal at `/rateNano`. */
function atRate(amountFc: number, rateNano: number, exponents: ConversionExponents): number {
  try {
    return toBase(amountFc, rateNano, exponents);
  } catch (error) {
    throw new LedgerInputError('/rateNano', `/rateNano: ${(error as Error).message}`);
  }
}

/**
 * The GL rows of a payment. Received: Dr the bank account for the amount; Cr the party's
 * receivable once per allocation, against the invoice it settles, and once for the unallocated
 * rest, against the payment itself (an advance). Paid: the mirror, on the payable account.
 *
 * With the invoices' open items in `ctx.openItems`, an allocation clears its invoice at the base
 * value the invoice carries (its rate, or its last revaluation's; all of what is left when it
 * settles the rest, else the same share) rather than at the payment's rate, and the **realised
 * exchange difference** goes to `defaults.exchangeGainLossAccountId` as one row in base only: a
 * foreign invoice paid in full leaves no base balance, whatever the rates (ADR 0027 §8).
 *
 * @throws LedgerInputError at `/amount`, `/allocations/<i>/amount`, or `/allocations` when the
 *   allocations add up to more than the payment or a difference has no exchange account
 * @example
 * paymentRows({ id, direction: 'received', partyId, amount: 10_000, currency: 'EUR', rateNano: 1e9,
 *   bankAccountId, allocations: [{ invoiceId, amount: 6_000 }] }, ctx)
 * // Dr bank 10,000; Cr receivable 6,000 against the invoice; Cr receivable 4,000 against the payment
 * // 100.00 USD invoiced at 1.10 (110.00 EUR), paid at 1.05 with openItems { [invoiceId]: { balance: 11_000, balanceFc: 10_000 } }:
 * // Dr bank 105.00; Cr receivable 110.00 (100.00 USD); Dr exchange gain/loss 5.00
 */
export function paymentRows(payment: PaymentDocument, ctx: PostingContext): VoucherRow[] {
  const received = payment.direction === 'received';
  const amount = positiveAmount(payment.amount, '/amount');
  const partyAccountId =
    ctx.partyAccountId ?? (received ? ctx.defaults.receivableAccountId : ctx.defaults.payableAccountId);
  const partyRow = (part: number, againstVoucherId: string, lineIndex?: number): FcRow => ({
    accountId: partyAccountId,
    partyId: payment.partyId,
    costCenterId: null,
    againstVoucherId,
    dueDate: null,
    ...fcSide(part, !received),
    remarks: payment.reference ?? null,
    ...(lineIndex === undefined ? {} : { lineIndex }),
  });
  const exponents = {
    fcExponent: exponentOf(ctx, payment.currency, '/currency'),
    baseExponent: exponentOf(ctx, ctx.baseCurrency, '/currency'),
  };
  const remaining = new Map<string, Remaining>(
    Object.entries(ctx.openItems ?? {}).map(([id, item]) => [
      id.toLowerCase(),
      { fc: Math.abs(item.balanceFc), base: Math.abs(item.balance) },
    ]),
  );
  let allocated = 0;
  let difference = 0;
  const allocations = payment.allocations.map((allocation, i) => {
    allocated += positiveAmount(allocation.amount, `/allocations/${i}/amount`);
    const row = partyRow(allocation.amount, allocation.invoiceId, i);
    const id = allocation.invoiceId.toLowerCase();
    const left = remaining.get(id);
    const carried = carryingValue(left, allocation.amount);
    if (left === undefined || carried === undefined) return row;
    remaining.set(id, { fc: left.fc - allocation.amount, base: left.base - carried });
    difference += carried - atRate(allocation.amount, payment.rateNano, exponents);
    return { ...row, base: received ? { debit: 0, credit: carried } : { debit: carried, credit: 0 } };
  });
  if (allocated > amount)
    throw new LedgerInputError(
      '/allocations',
      `/allocations: the allocations (${allocated}) add up to more than the payment (${amount})`,
    );
  const bank: FcRow = {
    accountId: payment.bankAccountId,
    partyId: null,
    costCenterId: null,
    againstVoucherId: null,
    dueDate: null,
    ...fcSide(amount, received),
    remarks: payment.reference ?? null,
  };
  const advance = partyRow(amount - allocated, payment.id);
  const exchange: FcRow[] = [];
  if (difference !== 0) {
    const exchangeAccountId = ctx.defaults.exchangeGainLossAccountId;
    if (exchangeAccountId == null)
      throw new LedgerInputError(
        '/allocations',
        '/allocations: the invoices carry another base value than the payment, and the company names no exchange gain/loss account',
      );
    // the allocations moved by `difference` on the party's side: the exchange row takes the other
    const otherSideDebit = received === difference > 0;
    const size = Math.abs(difference);
    exchange.push({
      accountId: exchangeAccountId,
      partyId: null,
      costCenterId: null,
      againstVoucherId: null,
      dueDate: null,
      debitFc: 0,
      creditFc: 0,
      base: otherSideDebit ? { debit: size, credit: 0 } : { debit: 0, credit: size },
      remarks: 'Realised exchange difference',
    });
  }
  return finishVoucher([bank, ...allocations, advance, ...exchange], payment, ctx);
}

/**
 * The rows a cancellation appends: each row with debit and credit swapped, in base and in the
 * document currency, so the voucher and its reversal sum to zero on every account.
 *
 * @example
 * reverseRows([{ ...row, debit: 100, credit: 0, debitFc: 80, creditFc: 0 }])
 * // [{ ...row, debit: 0, credit: 100, debitFc: 0, creditFc: 80 }]
 */
export function reverseRows(rows: readonly VoucherRow[]): VoucherRow[] {
  return rows.map((row) => ({
    ...row,
    debit: row.credit,
    credit: row.debit,
    debitFc: row.creditFc,
    creditFc: row.debitFc,
  }));
}
