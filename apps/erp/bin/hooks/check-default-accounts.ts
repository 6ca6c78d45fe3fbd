import { executeRows } from '@codexion/framework/data';
import { validationFailed } from '@codexion/framework/errors';
import type { Draft, HookContext } from '@codexion/framework/plugins';
import type { ValidationIssue } from '@codexion/schema';
import { sql } from 'drizzle-orm';
import type { CompanySettings } from '../../core/generated/client/types.gen.js';

type Ctx = Pick<HookContext, 'tx' | 'tenantId'>;
type AccountField = Extract<keyof Draft<CompanySettings>, `${string}AccountId`>;

type AccountRow = {
  id: string;
  is_group: boolean;
  root_type: string;
  account_type: string;
};

/** What each default account must be beyond a ledger account, and how to say it. */
const kinds: Partial<Record<AccountField, [string, (account: AccountRow) => boolean]>> = {
  receivableAccountId: ['a receivable account', (a) => a.account_type === 'receivable'],
  payableAccountId: ['a payable account', (a) => a.account_type === 'payable'],
  bankAccountId: ['a bank or cash account', (a) => a.account_type === 'bank' || a.account_type === 'cash'],
  salesAccountId: ['an income account', (a) => a.root_type === 'income'],
  purchaseAccountId: ['an expense account', (a) => a.root_type === 'expense'],
  cogsAccountId: ['an expense account', (a) => a.root_type === 'expense'],
  retainedEarningsAccountId: ['an equity account', (a) => a.root_type === 'equity'],
  stockAccountId: ['an asset account', (a) => a.root_type === 'asset'],
};

/**
 * The company settings' default accounts that are new or changed are ledger accounts of the chart
 * and of the kind their field needs (receivable, payable, bank or cash, income for sales, expense
 * for purchases and cost of goods sold, equity for retained earnings, asset for stock): else 422
 * VALIDATION_FAILED with one issue per field.
 *
 * @example
 * await checkDefaultAccounts(ctx, next, previous);
 */
export async function checkDefaultAccounts(
  ctx: Ctx,
  next: Draft<CompanySettings>,
  previous?: CompanySettings,
): Promise<void> {
  const fields = (Object.keys(next) as (keyof Draft<CompanySettings>)[]).filter(
    (field): field is AccountField =>
      field.endsWith('AccountId') && next[field] != null && next[field] !== previous?.[field],
  );
  if (fields.length === 0) return;
  const ids = [...new Set(fields.map((field) => String(next[field])))];
  const rows = await executeRows<AccountRow>(
    ctx.tx,
    sql`select id::text as id, is_group, root_type, account_type from erp.accounts
         where tenant_id = ${ctx.tenantId} and id in (${sql.join(
           ids.map((id) => sql`${id}::uuid`),
           sql`, `,
         )})`,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const issues: ValidationIssue[] = [];
  for (const field of fields) {
    const account = byId.get(String(next[field]));
    const [kind, fits] = kinds[field] ?? ['a ledger account', () => true];
    if (account === undefined) {
      issues.push({ path: `/${field}`, code: 'unknown', message: 'names no account of this chart' });
    } else if (account.is_group || !fits(account)) {
      issues.push({ path: `/${field}`, code: 'account-kind', message: `must be ${kind}, not a group` });
    }
  }
  if (issues.length > 0) throw validationFailed(issues);
}
