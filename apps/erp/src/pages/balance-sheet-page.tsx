import { Badge, cn } from '@codexion/resources';
import { useTranslation } from '@codexion/web';
import { reportBalanceSheet } from '../../core/generated/client/sdk.gen.js';
import { useMoney } from '../documents/use-money.js';
import { AccountTreeTable } from '../reports/account-tree-table.js';
import { ReportFrame } from '../reports/report-frame.js';
import { CsvButton, DateField } from '../reports/report-parameters.js';
import { usePeriod } from '../reports/use-period.js';
import { useCsvDownload, useReport } from '../reports/use-report.js';

/** The balance sheet at a date: assets, liabilities, equity and the result not yet closed, and whether they balance. */
export function BalanceSheetPage() {
  const { t } = useTranslation('erp');
  const money = useMoney();
  const { asOf, set } = usePeriod();
  const report = useReport('balance-sheet', { asOf }, (client, signal) =>
    reportBalanceSheet({ client, query: { asOf }, signal, throwOnError: true }),
  );
  const csv = useCsvDownload();
  const data = report.data;
  const columns = [{ key: 'amount', label: t('reports.columns.amount') }];
  return (
    <ReportFrame
      title={t('reports.balanceSheet.title')}
      description={t('reports.asOfDate', { asOf })}
      loading={report.isPending}
      error={report.error}
      actions={
        <CsvButton
          loading={csv.isPending}
          onClick={() =>
            csv.mutate({
              fileName: `balance-sheet-${asOf}.csv`,
              call: (client) =>
                reportBalanceSheet({
                  client,
                  query: { asOf, format: 'csv' },
                  parseAs: 'blob',
                  throwOnError: true,
                }),
            })
          }
        />
      }
      parameters={<DateField label={t('reports.asOf')} value={asOf} onChange={(day) => set('asOf', day)} />}
    >
      {data && (
        <div className="grid gap-6">
          <div className="flex flex-wrap items-center gap-3">
            <Badge variant={data.balanced ? 'success' : 'danger'} data-slot="balance-check">
              {data.balanced
                ? t('reports.balanceSheet.balanced')
                : t('reports.balanceSheet.unbalanced', { amount: money(data.difference, data.currency) })}
            </Badge>
            <span className="text-muted-foreground text-sm">{t('reports.balanceSheet.equation')}</span>
          </div>
          {(['assets', 'liabilities', 'equity'] as const).map((side) => (
            <section key={side} aria-labelledby={`bs-${side}`} className="grid gap-2">
              <h2 id={`bs-${side}`} className="font-semibold text-lg">
                {t(`reports.balanceSheet.${side}`)}
              </h2>
              <AccountTreeTable
                caption={t(`reports.balanceSheet.${side}`)}
                rows={data[side].rows}
                columns={columns}
                currency={data.currency}
                totals={{ label: t('reports.total'), values: { amount: data[side].total } }}
              />
            </section>
          ))}
          <p className="flex items-baseline justify-between rounded-md border px-4 py-3 font-semibold">
            <span>{t('reports.balanceSheet.currentResult')}</span>
            <span className={cn('tabular-nums', data.currentResult < 0 && 'text-danger')}>
              {money(data.currentResult, data.currency)}
            </span>
          </p>
        </div>
      )}
    </ReportFrame>
  );
}
