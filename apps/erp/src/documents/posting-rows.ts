import { currencyDigits } from '@codexion/schema';
import { toBase } from '../../core/ledger/convert.js';
import { LedgerInputError } from '../../core/ledger/ledger-input-error.js';
import {
  type InvoiceDocument,
  type JournalEntryDocument,
  journalEntryRows,
  type PaymentDocument,
  type PostingContext,
  type PostingDefaults,
  paymentRows,
  purchaseInvoiceRows,
  salesInvoiceRows,
  type VoucherRow,
} from '../../core/ledger/voucher-rows.js';
import type { DocumentEntity } from './document-kinds.js';
import { amountOf, type LineRecord } from './line-drafts.js';

/** One general-ledger row a document will write: amounts in minor units of the base currency. */
export type PostingRow = Pick<VoucherRow, 'accountId' | 'partyId' | 'debit' | 'credit'>;

/** What the page knows of the company and the document's master data to compute its rows. */
export interface PreviewContext {
  /** the company settings record (base currency and default accounts) */
  settings: Record<string, unknown> | undefined;
  /** the document's party's own receivable/payable account, when it has one */
  partyAccountId?: string | null;
  /** income (sales) or expense (purchases) account per item id */
  itemAccounts?: Record<string, string>;
}

/** The rows, or why they cannot be computed yet (the field the ledger functions name). */
export type PostingPreviewResult = { rows: PostingRow[] } | { issue: { path: string; message: string } };

const defaultNames: (keyof PostingDefaults)[] = [
  'receivableAccountId',
  'payableAccountId',
  'salesAccountId',
  'purchaseAccountId',
  'salesTaxAccountId',
  'purchaseTaxAccountId',
  'roundOffAccountId',
];

function contextOf(
  currency: string,
  { settings, partyAccountId, itemAccounts }: PreviewContext,
): PostingContext {
  const baseCurrency = typeof settings?.baseCurrency === 'string' ? settings.baseCurrency : currency;
  const defaults = Object.fromEntries(
    defaultNames.map((name) => [name, typeof settings?.[name] === 'string' ? settings[name] : '']),
  ) as unknown as PostingDefaults;
  return {
    baseCurrency,
    exponents: { [currency]: currencyDigits(currency), [baseCurrency]: currencyDigits(baseCurrency) },
    defaults,
    partyAccountId: partyAccountId ?? null,
    itemAccounts: itemAccounts ?? {},
  };
}

/**
 * A journal entry whose debits and credits differ has no voucher yet; the preview still shows
 * its lines in base, so the badge can say by how much it is off.
 */
function unbalancedJournalRows(
  record: Record<string, unknown>,
  lines: readonly LineRecord[],
  ctx: PostingContext,
) {
  const currency = String(record.currency);
  const rate = currency === ctx.baseCurrency ? 1_000_000_000 : amountOf(record.rateNano) || 1_000_000_000;
  const exponents = { fcExponent: currencyDigits(currency), baseExponent: currencyDigits(ctx.baseCurrency) };
  const inBase = (amount: number) => toBase(amount, rate, exponents);
  return lines.flatMap((line) =>
    typeof line.accountId === 'string' && line.accountId
      ? [
          {
            accountId: line.accountId,
            partyId: typeof line.partyId === 'string' ? line.partyId : null,
            debit: inBase(amountOf(line.debit)),
            credit: inBase(amountOf(line.credit)),
          },
        ]
      : [],
  );
}

/**
 * The ledger rows posting this document will write, computed by the same core functions the
 * server posts with (`journalEntryRows`, `salesInvoiceRows`, `purchaseInvoiceRows`, `paymentRows`),
 * or the field that keeps them from being computed yet. `undefined` for stock entries, whose rows
 * depend on the valuation only the server knows.
 *
 * @example
 * postingPreview('sales-invoice', invoice, invoice.lines, { settings }) // { rows: [receivable, income, tax] }
 */
export function postingPreview(
  entity: DocumentEntity,
  record: Record<string, unknown>,
  lines: readonly LineRecord[],
  preview: PreviewContext,
): PostingPreviewResult | undefined {
  if (entity === 'stock-entry') return undefined;
  const currency = typeof record.currency === 'string' && record.currency ? record.currency : 'EUR';
  const ctx = contextOf(currency, preview);
  const rateNano = currency === ctx.baseCurrency ? 1_000_000_000 : record.rateNano;
  const document = { ...record, currency, rateNano, id: record.id ?? '' };
  try {
    let rows: VoucherRow[];
    if (entity === 'journal-entry')
      rows = journalEntryRows({ ...document, lines } as unknown as JournalEntryDocument, ctx);
    else if (entity === 'payment')
      rows = paymentRows({ ...document, allocations: lines } as unknown as PaymentDocument, ctx);
    else {
      const invoice = { ...document, lines } as unknown as InvoiceDocument;
      rows = entity === 'sales-invoice' ? salesInvoiceRows(invoice, ctx) : purchaseInvoiceRows(invoice, ctx);
    }
    return {
      rows: rows.map(({ accountId, partyId, debit, credit }) => ({ accountId, partyId, debit, credit })),
    };
  } catch (error) {
    if (!(error instanceof LedgerInputError)) return { issue: { path: '', message: String(error) } };
    if (entity === 'journal-entry' && error.path === '/lines')
      return { rows: unbalancedJournalRows(document, lines, ctx) };
    return { issue: { path: error.path, message: error.message } };
  }
}
