import type { ActionContext, EventContext, PluginContext } from '@codexion/framework/plugins';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AccountCreate, CompanySettingsCreate } from '../../core/generated/client/types.gen.js';
import { accounts } from '../../core/generated/tables.js';
import chart from '../../core/templates/standard-chart.json' with { type: 'json' };
import { erp } from '../erp.js';

/** One account of `core/templates/standard-chart.json`: a group has children, `role` names a default. */
interface ChartNode {
  number: string;
  name: string;
  rootType?: AccountCreate['rootType'];
  accountType: AccountCreate['accountType'];
  role?: string;
  children?: ChartNode[];
}

/** The settings fields that hold a default account, as the chart's `role`s name them. */
export type DefaultAccountField = Extract<keyof CompanySettingsCreate, `${string}AccountId`>;

/** One account of the standard chart as it is stored, its parent named by number. */
export interface ChartAccount {
  number: string;
  name: string;
  rootType: AccountCreate['rootType'];
  accountType: AccountCreate['accountType'];
  isGroup: boolean;
  parentNumber: string | null;
  role?: DefaultAccountField;
}

/** The template's accounts, each group before its children, with the root type of its root. */
function flatten(): ChartAccount[] {
  const flat: ChartAccount[] = [];
  const walk = (node: ChartNode, rootType: AccountCreate['rootType'], parentNumber: string | null) => {
    flat.push({
      number: node.number,
      name: node.name,
      rootType,
      accountType: node.accountType,
      isGroup: node.children !== undefined,
      parentNumber,
      ...(node.role === undefined ? {} : { role: node.role as DefaultAccountField }),
    });
    for (const child of node.children ?? []) walk(child, rootType, node.number);
  };
  for (const root of chart.accounts as ChartNode[]) {
    if (root.rootType === undefined)
      throw new Error(`root account ${root.number} of the chart has no rootType`);
    walk(root, root.rootType, null);
  }
  return flat;
}

/** `core/templates/standard-chart.json`, flattened once: parents first. */
export const standardChart: readonly ChartAccount[] = flatten();

/** Writes one missing account of the chart under the parent's id; answers the new account's id. */
export type CreateChartAccount = (account: ChartAccount, parentId: string | null) => Promise<string>;

/**
 * Makes sure the tenant has every account of the standard chart, by number: the ones it has are
 * kept as they are, each missing one is written by `create` (a group before its children, so a
 * child names its parent's id, existing or new). Answers the chart's account ids by number.
 * Loaders of one tenant take turns (a transaction advisory lock), so the tenant's creation event
 * and `setup-company` never both write an account: whichever comes second finds it.
 *
 * @example
 * const ids = await ensureStandardChart(ctx, (account, parentId) => insertAccount(ctx, account, parentId));
 * ids.get('1200'); // the receivable account's id
 */
export async function ensureStandardChart(
  ctx: Pick<PluginContext, 'tx' | 'tenantId'>,
  create: CreateChartAccount,
): Promise<Map<string, string>> {
  await ctx.tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`erp.standard-chart:${ctx.tenantId}`}))`);
  const found = await ctx.tx
    .select({ id: accounts.id, number: accounts.number })
    .from(accounts)
    .where(
      and(
        eq(accounts.tenantId, ctx.tenantId),
        inArray(
          accounts.number,
          standardChart.map((account) => account.number),
        ),
      ),
    );
  const ids = new Map(found.map((account) => [account.number, account.id]));
  for (const account of standardChart) {
    if (ids.has(account.number)) continue;
    const parentId = account.parentNumber === null ? null : (ids.get(account.parentNumber) ?? null);
    ids.set(account.number, await create(account, parentId));
  }
  return ids;
}

/**
 * Makes sure the tenant has the standard chart, each missing account created through the resource
 * engine (its rules, the tree guards of `hooks/`, an audit entry) in `ctx`'s transaction; answers
 * the chart's account ids by number.
 *
 * @example
 * const ids = await loadChartAccounts(ctx); // in an action or an event's handler
 */
export function loadChartAccounts(
  ctx: Pick<PluginContext, 'tx' | 'tenantId'> & Pick<ActionContext, 'resources'>,
): Promise<Map<string, string>> {
  const accountResource = erp.resource(ctx, 'account');
  return ensureStandardChart(ctx, async ({ number, name, rootType, accountType, isGroup }, parentId) => {
    return (await accountResource.create({ number, name, rootType, accountType, isGroup, parentId })).id;
  });
}

/**
 * The subscriber of `prefiq.tenant.created`: the new tenant gets the standard chart of accounts
 * (accounts only: the company's name, base currency, fiscal year and valuation are the user's
 * choices, made in `setup-company`, which wires the default accounts into the settings). Written
 * through the engine in the event's transaction, with the inbox row, so a redelivery adds
 * nothing; a tenant that already has the chart (set up before the event arrived) is left as it is.
 *
 * @example
 * subscribers: { 'prefiq.tenant.created': erp.defineSubscriber('prefiq.tenant.created', loadStandardChart) }
 */
export async function loadStandardChart(ctx: EventContext): Promise<void> {
  await loadChartAccounts(ctx);
}
