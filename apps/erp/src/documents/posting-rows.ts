import { currencyDigits } from '@codexion/schema';
import { toBase } from '../../core/ledger/convert.js';
import type { DocumentEntity } from './document-kinds.js';
import { amountOf, type LineRecord } from './line-drafts.js';

/** One general-ledger row a document will write: amounts in minor units of the base currency. */
export interface PostingRow {
  accountId: string;
  partyId?: string | null;
  debit: number;
  credit: number;
}

/** What the preview needs besides the document: the company's base currency. */
export interface PostingContext {
  baseCurrency: string;
}

function rate(record: Record<string, unknown>): number {
  const value = record.rateNano;
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 1_000_000_000;
}

/**
 * The ledger rows posting this document will write, as far as the page can know them while it is
 * being typed (lines without an account are left out), or `undefined` for documents whose rows
 * only the server computes yet.
 *
 * @example
 * postingRows('journal-entry', { currency: 'EUR', lines }, [...], { baseCurrency: 'EUR' })
 */
export function postingRows(
  entity: DocumentEntity,
  record: Record<string, unknown>,
  lines: readonly LineRecord[],
  { baseCurrency }: PostingContext,
): PostingRow[] | undefined {
  if (entity !== 'journal-entry') return undefined;
  const currency = typeof record.currency === 'string' ? record.currency : baseCurrency;
  const exponents = { fcExponent: currencyDigits(currency), baseExponent: currencyDigits(baseCurrency) };
  const rateNano = currency === baseCurrency ? 1_000_000_000 : rate(record);
  return lines.flatMap((line) =>
    typeof line.accountId === 'string' && line.accountId
      ? [
          {
            accountId: line.accountId,
            partyId: typeof line.partyId === 'string' ? line.partyId : null,
            debit: toBase(amountOf(line.debit), rateNano, exponents),
            credit: toBase(amountOf(line.credit), rateNano, exponents),
          },
        ]
      : [],
  );
}
