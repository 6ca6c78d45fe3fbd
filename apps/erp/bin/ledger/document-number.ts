import { formatDocumentNumber, NumberingToken } from '@codexion/framework/numbering';
import type { PluginContext } from '@codexion/framework/plugins';

/** The numbering series of each document (ADR 0027 §10); credit notes count apart from invoices. */
export type DocumentSeries = 'JV' | 'SINV' | 'SCN' | 'PINV' | 'PCN' | 'PAY';

/**
 * The next number of `series` in the posting date's year, taken in the posting's transaction
 * (gapless: a refused posting gives its number back): `SINV-2026-00001`. A document that has a
 * number already keeps it and takes none (credit notes count apart from invoices, which one
 * `x-codexion.number` per entity cannot say, so the hooks number the documents).
 *
 * @example
 * const number = await documentNumber(ctx, 'SINV', '2026-03-14'); // 'SINV-2026-00001'
 */
export async function documentNumber(
  ctx: Pick<PluginContext, 'services'>,
  series: DocumentSeries,
  postingDate: string,
  current?: string | null,
): Promise<string> {
  if (current != null && current !== '') return current;
  const scope = postingDate.slice(0, 4);
  const seq = await ctx.services.get(NumberingToken).next(series, scope);
  return formatDocumentNumber('{series}-{scope}-{seq:5}', { series, scope, seq });
}
