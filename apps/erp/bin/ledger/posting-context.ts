import type { PluginContext } from '@codexion/framework/plugins';
import { currencyDigits } from '@codexion/schema';
import { and, eq } from 'drizzle-orm';
import { companySettings, currencies, parties } from '../../core/generated/tables.js';
import type { PostingContext, PostingDefaults } from '../../core/ledger/voucher-rows.js';
import { erp } from '../erp.js';

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

const defaultFields = [
  'receivableAccountId',
  'payableAccountId',
  'salesAccountId',
  'purchaseAccountId',
  'salesTaxAccountId',
  'purchaseTaxAccountId',
  'roundOffAccountId',
] as const satisfies readonly (keyof PostingDefaults)[];

/**
 * What `core/ledger/voucher-rows.ts` needs beside the document: the base currency, the stored
 * exponents of the currencies involved (an enabled currency's exponent is pinned in
 * `erp.currencies`, ADR 0027 §8; one not enabled falls back to `Intl`'s), the company's default
 * accounts (with the exchange gain/loss account, when set), and the party's own receivable/payable account.
 *
 * @example
 * const rows = salesInvoiceRows(invoice, await postingContext(ctx, [invoice.currency], invoice.partyId));
 */
export async function postingContext(
  ctx: Ctx,
  codes: readonly string[],
  partyId?: string,
): Promise<PostingContext> {
  const settings = await companyOf(ctx);
  const defaults = {} as PostingDefaults;
  for (const field of defaultFields) {
    const id = settings[field];
    if (id == null) {
      throw erp.error('COMPANY_NOT_SET_UP', `The company settings name no ${field}: set it before posting`);
    }
    defaults[field] = id;
  }
  defaults.exchangeGainLossAccountId = settings.exchangeGainLossAccountId ?? null;
  const stored = await ctx.tx
    .select({ code: currencies.code, exponent: currencies.exponent })
    .from(currencies)
    .where(eq(currencies.tenantId, ctx.tenantId));
  const exponents: Record<string, number> = {};
  for (const code of [...codes, settings.baseCurrency]) exponents[code] = currencyDigits(code);
  for (const { code, exponent } of stored) exponents[code] = exponent;
  let partyAccountId: string | null = null;
  if (partyId !== undefined) {
    const [party] = await ctx.tx
      .select({ accountId: parties.accountId })
      .from(parties)
      .where(and(eq(parties.tenantId, ctx.tenantId), eq(parties.id, partyId)));
    partyAccountId = party?.accountId ?? null;
  }
  return { baseCurrency: settings.baseCurrency, exponents, defaults, partyAccountId };
}
