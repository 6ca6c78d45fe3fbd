import type { ActionContext } from '@codexion/framework/plugins';
import { currencyDigits } from '@codexion/schema';
import { eq } from 'drizzle-orm';
import type {
  AccountCreate,
  CompanySettings,
  CompanySettingsCreate,
  SetupCompanyData,
} from '../../core/generated/client/types.gen.js';
import { companySettings } from '../../core/generated/tables.js';
import chart from '../../core/templates/standard-chart.json' with { type: 'json' };
import { erp } from '../erp.js';
import { openFiscalYear } from './open-fiscal-year.js';

type SetupCompanyBody = SetupCompanyData['body'];

/** One account of `core/templates/standard-chart.json`: a group has children, `role` names a default. */
interface ChartAccount {
  number: string;
  name: string;
  rootType?: AccountCreate['rootType'];
  accountType: AccountCreate['accountType'];
  role?: string;
  children?: ChartAccount[];
}

/** The settings fields that hold a default account, as the chart's `role`s name them. */
type DefaultAccountField = Extract<keyof CompanySettingsCreate, `${string}AccountId`>;

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
 * (groups first, so each child names its parent), a main warehouse and cost center, the settings
 * with the chart's default accounts, and the first fiscal year with its twelve periods. A tenant is
 * set up once: 409 COMPANY_ALREADY_SET_UP after that.
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
  const defaults: Partial<Record<DefaultAccountField, string>> = {};
  const accounts = erp.resource(ctx, 'account');
  const createTree = async (
    node: ChartAccount,
    rootType: AccountCreate['rootType'],
    parentId: string | null,
  ): Promise<void> => {
    const isGroup = node.children !== undefined;
    const account = await accounts.create({
      number: node.number,
      name: node.name,
      rootType,
      accountType: node.accountType,
      isGroup,
      parentId,
    });
    if (node.role !== undefined) defaults[node.role as DefaultAccountField] = account.id;
    for (const child of node.children ?? []) await createTree(child, rootType, account.id);
  };
  for (const root of chart.accounts as ChartAccount[]) {
    if (root.rootType === undefined)
      throw new Error(`root account ${root.number} of the chart has no rootType`);
    await createTree(root, root.rootType, null);
  }
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
