import type { InvoiceLine } from '../generated/client/types.gen.js';
import { roundHalfEven } from './convert.js';
import { LedgerInputError } from './ledger-input-error.js';

/** The amounts of one invoice line, in minor units of the invoice currency. */
export interface LineTotals {
  net: number;
  tax: number;
}

/** An invoice's amounts in minor units of its currency: in all, and line by line in order. */
export interface InvoiceTotals {
  net: number;
  tax: number;
  total: number;
  lines: LineTotals[];
}

/** The fields of a line that its amounts depend on. */
export type InvoiceLineAmounts = Pick<InvoiceLine, 'qty' | 'unitPrice' | 'taxRateBp'>;

const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);

function safe(value: bigint, path: string, what: string): number {
  if (value > maxSafe)
    throw new LedgerInputError(path, `${what} is ${value}, above ${Number.MAX_SAFE_INTEGER}`);
  return Number(value);
}

function wholeNumber(value: unknown, path: string, max: number): bigint {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > max)
    throw new LedgerInputError(path, `${path}: ${String(value)} is not a whole number from 0 to ${max}`);
  return BigInt(value);
}

/**
 * An invoice's net, tax and total, the way the server stores them and the page shows them while
 * the user types: line net = qty × unitPrice, line tax = net × taxRateBp / 10,000 rounded half to
 * even, then the sums. Computed in `BigInt`, so nothing is lost before the range check.
 *
 * @throws LedgerInputError naming the line (`/lines/<i>/…`) when a quantity, price or rate is
 *   missing, negative or not whole, or when an amount would exceed `Number.MAX_SAFE_INTEGER`
 * @example
 * invoiceTotals([{ qty: 3, unitPrice: 1_999, taxRateBp: 1_900 }])
 * // { net: 5_997, tax: 1_139, total: 7_136, lines: [{ net: 5_997, tax: 1_139 }] }
 */
export function invoiceTotals(lines: readonly InvoiceLineAmounts[]): InvoiceTotals {
  let net = 0n;
  let tax = 0n;
  const perLine = lines.map((line, i) => {
    const qty = wholeNumber(line.qty, `/lines/${i}/qty`, Number.MAX_SAFE_INTEGER);
    const unitPrice = wholeNumber(line.unitPrice, `/lines/${i}/unitPrice`, Number.MAX_SAFE_INTEGER);
    const rateBp = wholeNumber(line.taxRateBp ?? 0, `/lines/${i}/taxRateBp`, 10_000);
    const lineNet = qty * unitPrice;
    const lineTax = roundHalfEven(lineNet * rateBp, 10_000n);
    const what = `line ${i}: qty ${qty} × unit price ${unitPrice}`;
    const totals = {
      net: safe(lineNet, `/lines/${i}`, `${what}`),
      tax: safe(lineTax, `/lines/${i}`, `${what}: the tax`),
    };
    net += lineNet;
    tax += lineTax;
    return totals;
  });
  return {
    net: safe(net, '/lines', 'the net of all lines'),
    tax: safe(tax, '/lines', 'the tax of all lines'),
    total: safe(net + tax, '/lines', 'the total of all lines'),
    lines: perLine,
  };
}
