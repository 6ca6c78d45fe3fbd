import { type CsvColumn, csvAnswer } from '@codexion/framework/http';
import type { AppActions } from '@codexion/framework/plugins';
import type { ErpContract } from '../../core/generated/contract.js';
import type { AccountLine } from '../reports/account-balances.js';
import { type Aging, type AgingRow, aging } from '../reports/aging.js';
import { balanceSheet } from '../reports/balance-sheet.js';
import { financeDashboard } from '../reports/finance-dashboard.js';
import { type GeneralLedgerRow, generalLedger } from '../reports/general-ledger.js';
import { profitAndLoss } from '../reports/profit-and-loss.js';
import { baseCurrencyOf, majorUnits, reportParameterError } from '../reports/report-parameters.js';
import { type TrialBalanceRow, trialBalance } from '../reports/trial-balance.js';

type ReportActions = Pick<
  AppActions<ErpContract>,
  | 'reportTrialBalance'
  | 'reportGeneralLedger'
  | 'reportProfitAndLoss'
  | 'reportBalanceSheet'
  | 'reportAging'
  | 'reportDashboard'
>;

/** The most rows a general-ledger CSV holds (pages of 1,000 read until the range ends); more is a 422. */
const ledgerCsvLimit = 100_000;

/** Columns naming an account in the tree: number, name indented by depth, root type, group. */
function accountColumns<Row extends AccountLine>(): CsvColumn<Row>[] {
  return [
    { key: 'number', header: 'Number' } as CsvColumn<Row>,
    {
      key: 'name',
      header: 'Account',
      format: (name: unknown, row: Row) => `${'  '.repeat(row.depth)}${String(name)}`,
    } as CsvColumn<Row>,
    { key: 'rootType', header: 'Root type' } as CsvColumn<Row>,
    { key: 'isGroup', header: 'Group' } as CsvColumn<Row>,
  ];
}

/** An amount column in major units of the base currency, the currency in its header. */
function amountColumn<Row>(key: keyof Row & string, header: string, currency: string, exponent: number) {
  return {
    key,
    header: `${header} (${currency})`,
    format: (value: unknown) => majorUnits(Number(value), exponent),
  } as CsvColumn<Row>;
}

/**
 * The report actions (`core/actions/report-*.json`): each parses nothing itself (the router has
 * checked the query against the contract), runs its report in the action's tenant transaction and
 * answers JSON, or with `?format=csv` a CSV download of the report's rows with amounts in major
 * units of the base currency.
 *
 * @example
 * erp.definePlugin({ …, actions: { ...erpActions(), ...reportActions() } })
 */
export function reportActions(): ReportActions {
  return {
    reportTrialBalance: async (ctx, { query }) => {
      const report = await trialBalance(ctx, query);
      if (query.format !== 'csv') return { body: report };
      const { currency, exponent } = await baseCurrencyOf(ctx);
      return csvAnswer<TrialBalanceRow>(
        report.rows,
        [
          ...accountColumns<TrialBalanceRow>(),
          amountColumn('opening', 'Opening', currency, exponent),
          amountColumn('debit', 'Debit', currency, exponent),
          amountColumn('credit', 'Credit', currency, exponent),
          amountColumn('closing', 'Closing', currency, exponent),
        ],
        { filename: `trial-balance-${query.from}-${query.to}.csv` },
      );
    },
    reportGeneralLedger: async (ctx, { query }) => {
      if (query.format !== 'csv') return { body: await generalLedger(ctx, query) };
      const rows: GeneralLedgerRow[] = [];
      let cursor = query.cursor;
      do {
        const page = await generalLedger(ctx, { ...query, cursor, limit: 1000 });
        rows.push(...page.rows);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined && rows.length < ledgerCsvLimit);
      // a cut-off file would read as the whole ledger: refuse instead
      if (cursor !== undefined) {
        throw reportParameterError(
          '/query/to',
          'too-many-rows',
          `holds more than ${ledgerCsvLimit} rows in the range: export a shorter one`,
        );
      }
      const { currency, exponent } = await baseCurrencyOf(ctx);
      return csvAnswer<GeneralLedgerRow>(
        rows,
        [
          { key: 'postingDate', header: 'Date' },
          { key: 'voucherType', header: 'Voucher type' },
          { key: 'voucherNo', header: 'Voucher' },
          { key: 'partyName', header: 'Party' },
          { key: 'remarks', header: 'Remarks' },
          amountColumn('debit', 'Debit', currency, exponent),
          amountColumn('credit', 'Credit', currency, exponent),
          amountColumn('balance', 'Balance', currency, exponent),
        ],
        { filename: `general-ledger-${query.from}-${query.to}.csv` },
      );
    },
    reportProfitAndLoss: async (ctx, { query }) => {
      const report = await profitAndLoss(ctx, query);
      if (query.format !== 'csv') return { body: report };
      const { currency, exponent } = await baseCurrencyOf(ctx);
      type Row = (typeof report.income.rows)[number];
      return csvAnswer<Row>(
        [...report.income.rows, ...report.expense.rows],
        [...accountColumns<Row>(), amountColumn('amount', 'Amount', currency, exponent)],
        { filename: `profit-and-loss-${query.from}-${query.to}.csv` },
      );
    },
    reportBalanceSheet: async (ctx, { query }) => {
      const report = await balanceSheet(ctx, query);
      if (query.format !== 'csv') return { body: report };
      const { currency, exponent } = await baseCurrencyOf(ctx);
      type Row = (typeof report.assets.rows)[number];
      return csvAnswer<Row>(
        [...report.assets.rows, ...report.liabilities.rows, ...report.equity.rows],
        [...accountColumns<Row>(), amountColumn('amount', 'Amount', currency, exponent)],
        { filename: `balance-sheet-${query.asOf}.csv` },
      );
    },
    reportAging: async (ctx, { query }) => {
      const report: Aging = await aging(ctx, query);
      if (query.format !== 'csv') return { body: report };
      const { currency, exponent } = await baseCurrencyOf(ctx);
      const amounts = (
        ['notDue', 'days0to30', 'days31to60', 'days61to90', 'over90', 'advances', 'total'] as const
      ).map((key) => amountColumn<AgingRow>(key, agingHeaders[key], currency, exponent));
      return csvAnswer<AgingRow>(
        report.rows,
        [{ key: 'partyName', header: 'Party' }, { key: 'openItems', header: 'Open items' }, ...amounts],
        { filename: `${query.kind}-aging-${query.asOf}.csv` },
      );
    },
    reportDashboard: async (ctx, { query }) => ({ body: await financeDashboard(ctx, query) }),
  };
}

const agingHeaders = {
  notDue: 'Not due',
  days0to30: '0-30 days',
  days31to60: '31-60 days',
  days61to90: '61-90 days',
  over90: 'Over 90 days',
  advances: 'Advances',
  total: 'Total',
} as const;
