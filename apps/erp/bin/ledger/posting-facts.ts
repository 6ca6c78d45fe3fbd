import { executeRows } from '@codexion/framework/data';
import type { PluginContext } from '@codexion/framework/plugins';
import { currencyDigits } from '@codexion/schema';
import { type SQL, sql } from 'drizzle-orm';
import type { PostingContext, PostingDefaults } from '../../core/ledger/voucher-rows.js';
import { erp } from '../erp.js';

type Ctx = Pick<PluginContext, 'tx' | 'tenantId'>;

/** What the posting checks of an account need (`checkAccounts` in `post-voucher.ts`). */
export interface LedgerAccount {
  id: string;
  name: string;
  is_group: boolean;
  frozen: boolean;
  account_type: string;
}

/** An accounting period as the posting checks see it. */
export interface PeriodState {
  id: string;
  name: string;
  status: string;
}

/**
 * The open period holding a posting date, checked: 422 PERIOD_CLOSED at `path` when no period
 * holds the date, the period is closed, or the date is on or before the lock date.
 *
 * @example
 * const periodId = postablePeriod(period, settings.lock_date, '2026-03-14');
 */
export function postablePeriod(
  period: PeriodState | null | undefined,
  lockDate: string | null | undefined,
  postingDate: string,
  path = '/postingDate',
): string {
  const refuse = (message: string) =>
    erp.error('PERIOD_CLOSED', message, { issues: [{ path, code: 'period-closed', message }] });
  if (period == null) throw refuse(`no accounting period holds ${postingDate}: open its fiscal year first`);
  if (period.status !== 'open') throw refuse(`the period ${period.name} is closed`);
  if (lockDate != null && postingDate <= lockDate) {
    throw refuse(`${postingDate} is on or before the lock date ${lockDate}`);
  }
  return period.id;
}

/** Everything a document's posting reads before it writes, from one statement. */
export interface PostingFacts {
  /** what `core/ledger/voucher-rows.ts` needs beside the document */
  context: PostingContext;
  /** the document's party, when it names one that exists */
  party?: { kind: string; name: string };
  /**
   * the period holding the posting date, locked `FOR SHARE` until COMMIT (ADR 0027 §7), with the
   * lock date: `postablePeriod(facts.period, facts.lockDate, date)` checks them
   */
  period: PeriodState | null;
  lockDate: string | null;
  /** the company's default accounts, the party's, and those asked for, by id in lower case */
  accounts: ReadonlyMap<string, LedgerAccount>;
}

const defaultColumns = {
  receivableAccountId: 'receivable_account_id',
  payableAccountId: 'payable_account_id',
  salesAccountId: 'sales_account_id',
  purchaseAccountId: 'purchase_account_id',
  salesTaxAccountId: 'sales_tax_account_id',
  purchaseTaxAccountId: 'purchase_tax_account_id',
  roundOffAccountId: 'round_off_account_id',
} as const satisfies Record<Exclude<keyof PostingDefaults, 'exchangeGainLossAccountId'>, string>;

type SettingsRow = Record<(typeof defaultColumns)[keyof typeof defaultColumns], string | null> & {
  base_currency: string;
  lock_date: string | null;
  exchange_gain_loss_account_id: string | null;
};

interface FactsRow {
  settings: SettingsRow | null;
  exponents: Record<string, number>;
  party: { kind: string; name: string; account_id: string | null } | null;
  period: PeriodState | null;
  accounts: LedgerAccount[];
}

const uuidArray = (ids: readonly string[]): SQL =>
  ids.length === 0
    ? sql`array[]::uuid[]`
    : sql`array[${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}]`;

/**
 * Reads in ONE statement (one round trip instead of six) what posting a document checks and
 * needs: the company settings (base currency, default accounts, lock date), the stored currency
 * exponents (ADR 0027 §8; one not enabled falls back to `Intl`'s), the party (kind, name, own
 * receivable/payable account), the open period of `postingDate` taken `FOR SHARE` so that a
 * concurrent close waits for the posting (§7), and the accounts the posting will name — the
 * defaults, the party's and `accountIds` — for `postVoucher`'s checks. 409 COMPANY_NOT_SET_UP
 * before `setup-company` or while a default account is missing.
 *
 * @example
 * const facts = await postingFacts(ctx, { codes: ['EUR'], partyId, postingDate: '2026-03-14' });
 * const rows = salesInvoiceRows(invoice, facts.context);
 */
export async function postingFacts(
  ctx: Ctx,
  {
    codes,
    partyId,
    postingDate,
    accountIds = [],
  }: {
    codes: readonly string[];
    partyId?: string | undefined;
    /** without it, no period is read or locked */
    postingDate?: string | undefined;
    accountIds?: readonly string[];
  },
): Promise<PostingFacts> {
  const tenant = sql`${ctx.tenantId}::uuid`;
  const defaults = Object.values(defaultColumns).map((column) => sql`s.${sql.identifier(column)}`);
  const [row] = await executeRows<FactsRow & Record<string, unknown>>(
    ctx.tx,
    sql`with s as (select * from erp.company_settings where tenant_id = ${tenant}),
             party as (select kind, name, account_id from erp.parties
                        where tenant_id = ${tenant} and id = ${partyId ?? null}::uuid)
        select
          (select to_jsonb(s) from s) as settings,
          (select coalesce(jsonb_object_agg(code, exponent), '{}'::jsonb) from erp.currencies
            where tenant_id = ${tenant}) as exponents,
          (select to_jsonb(party) from party) as party,
          ${
            postingDate === undefined
              ? sql`null::jsonb`
              : sql`(select to_jsonb(p) from (select id, name, status from erp.accounting_periods
                      where tenant_id = ${tenant} and start_date <= ${postingDate}::date
                        and end_date >= ${postingDate}::date
                      for share) p)`
          } as period,
          (select coalesce(jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name, 'is_group', a.is_group,
                    'frozen', a.frozen, 'account_type', a.account_type)), '[]'::jsonb)
             from erp.accounts a
            where a.tenant_id = ${tenant}
              and a.id in (select unnest(array[${sql.join(defaults, sql`, `)}, s.exchange_gain_loss_account_id]) from s
                           union all select account_id from party
                           union all select unnest(${uuidArray(accountIds)}))) as accounts`,
  );
  const settings = row?.settings ?? null;
  if (settings === null) throw erp.error('COMPANY_NOT_SET_UP', 'Set the company up first (setup-company)');
  const postingDefaults = {} as PostingDefaults;
  for (const [field, column] of Object.entries(defaultColumns) as [keyof typeof defaultColumns, string][]) {
    const id = settings[column as keyof SettingsRow];
    if (id == null) {
      throw erp.error('COMPANY_NOT_SET_UP', `The company settings name no ${field}: set it before posting`);
    }
    postingDefaults[field] = id;
  }
  postingDefaults.exchangeGainLossAccountId = settings.exchange_gain_loss_account_id ?? null;
  const exponents: Record<string, number> = {};
  for (const code of [...codes, settings.base_currency]) exponents[code] = currencyDigits(code);
  Object.assign(exponents, row?.exponents ?? {});
  const party = row?.party ?? null;
  return {
    context: {
      baseCurrency: settings.base_currency,
      exponents,
      defaults: postingDefaults,
      partyAccountId: party?.account_id ?? null,
    },
    ...(party === null ? {} : { party: { kind: party.kind, name: party.name } }),
    period: row?.period ?? null,
    lockDate: settings.lock_date,
    accounts: new Map((row?.accounts ?? []).map((account) => [account.id.toLowerCase(), account])),
  };
}
