import type { PluginContext } from '@codexion/framework/plugins';
import { eq } from 'drizzle-orm';
import { companySettings } from '../../core/generated/tables.js';
import type { PostingContext } from '../../core/ledger/voucher-rows.js';
import { erp } from '../erp.js';
import { postingFacts } from './posting-facts.js';

type Ctx = Pick<PluginContext, 'tx' | 'tenantId'>;

/** The tenant's company settings row; 409 COMPANY_NOT_SET_UP before `setup-company`. */
export async function companyOf(ctx: Ctx) {
  const [settings] = await ctx.tx
    .select()
    .from(companySettings)
    .where(eq(companySettings.tenantId, ctx.tenantId))
    .limit(1);
  if (settings === undefined)
    throw erp.error('COMPANY_NOT_SET_UP', 'Set the company up first (setup-company)');
  return settings;
}

/**
 * What `core/ledger/voucher-rows.ts` needs beside the document: the base currency, the stored
 * exponents of the currencies involved (an enabled currency's exponent is pinned in
 * `erp.currencies`, ADR 0027 §8; one not enabled falls back to `Intl`'s), the company's default
 * accounts (with the exchange gain/loss account, when set), and the party's own receivable/payable
 * account: one statement (`postingFacts`, which a posting that also needs its period and accounts
 * calls itself).
 *
 * @example
 * const rows = salesInvoiceRows(invoice, await postingContext(ctx, [invoice.currency], invoice.partyId));
 */
export async function postingContext(
  ctx: Ctx,
  codes: readonly string[],
  partyId?: string,
): Promise<PostingContext> {
  return (await postingFacts(ctx, { codes, partyId })).context;
}
