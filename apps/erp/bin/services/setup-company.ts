import type { ActionContext } from '@codexion/framework/plugins';
import { currencyDigits } from '@codexion/schema';
import { eq } from 'drizzle-orm';
import type { CompanySettings, SetupCompanyData } from '../../core/generated/client/types.gen.js';
import { companySettings } from '../../core/generated/tables.js';
import { erp } from '../erp.js';
import { openFiscalYear } from './open-fiscal-year.js';
import { type DefaultAccountField, loadChartAccounts, standardChart } from './standard-chart.js';

type SetupCompanyBody = SetupCompanyData['body'];

/** The tenant's company settings, or undefined before `setup-company`. */
export async function findCompanySettings(ctx: Pick<ActionContext, 'tx' | 'tenantId'>) {
  const [settings] = await ctx.tx
    .select()
    .from(companySettings)
    .where(eq(companySettings.tenantId, ctx.tenantId))
    .limit(1);
  return settings;
}

/**
 * `setup-company`: in the action's transaction, the base currency, the standard chart of accounts
 * (the accounts of it the tenant lacks: a new tenant has it from its creation event, see
 * `loadStandardChart`), a main warehouse and cost center, the settings with the chart's default
 * accounts, and the first fiscal year with its twelve periods. A tenant is set up once: 409
 * COMPANY_ALREADY_SET_UP after that.
 *
 * @example
 * await setupCompany(ctx, { companyName: 'Nordwind GmbH', baseCurrency: 'EUR', fiscalYearStart: '2026-01-01' })
 */
export async function setupCompany(ctx: ActionContext, body: SetupCompanyBody): Promise<CompanySettings> {
  if ((await findCompanySettings(ctx)) !== undefined) {
    throw erp.error('COMPANY_ALREADY_SET_UP', 'The company is already set up');
  }
  const exponent = currencyDigits(body.baseCurrency);
  await erp.resource(ctx, 'currency').create({
    code: body.baseCurrency,
    name: currencyName(body.baseCurrency),
    exponent,
  });
  const ids = await loadChartAccounts(ctx);
  const defaults: Partial<Record<DefaultAccountField, string>> = {};
  for (const { number, role } of standardChart) if (role !== undefined) defaults[role] = ids.get(number);
  await erp.resource(ctx, 'warehouse').create({ name: 'Main store', isGroup: false });
  await erp.resource(ctx, 'cost-center').create({ name: 'Main', isGroup: false });
  const settings = await erp.resource(ctx, 'company-settings').create({
    singleton: 'company',
    companyName: body.companyName,
    baseCurrency: body.baseCurrency,
    defaultValuation: body.defaultValuation ?? 'moving-average',
    allowNegativeStock: false,
    ...defaults,
  });
  await openFiscalYear(ctx, { startDate: body.fiscalYearStart }, '/body/fiscalYearStart');
  return settings;
}

/** The currency's English name from `Intl` (EUR → Euro), its code when `Intl` has none. */
function currencyName(code: string): string {
  return new Intl.DisplayNames(['en'], { type: 'currency' }).of(code) ?? code;
}
