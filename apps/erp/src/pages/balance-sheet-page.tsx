import { Badge, cn } from '@codexion/resources';
import { useTranslation } from '@codexion/web';
import { reportBalanceSheet } from '../../core/generated/client/sdk.gen.js';
import { useMoney } from '../documents/use-money.js';
import { AccountSections } from '../reports/account-tree-table.js';
import { ReportFrame } from '../reports/report-frame.js';
import { CsvButton, DateField } from '../reports/report-parameters.js';
import { usePeriod } from '../reports/use-period.js';
import { useReport } from '../reports/use-report.js';

/** The balance sheet at a date: assets, liabilities, equity and the result not yet closed, and whether they balance. */
export function BalanceSheetPage() {
  const { t } = useTranslation('erp');
  const money = useMoney();
  const { asOf, set } = usePeriod();
  const report = useReport('balance-sheet', { asOf }, (client, signal) =>
    reportBalanceSheet({ client, query: { asOf }, signal, throwOnError: true }),
  );
  const data = report.data;
  return (
    <ReportFrame
      title={t('reports.balanceSheet.title')}
      description={t('reports.asOfDate', { asOf })}
      loading={report.isPending}
      error={report.error}
      actions={
        <CsvButton
          fileName={`balance-sheet-${asOf}.csv`}
          call={(client) =>
            reportBalanceSheet({
              client,
              query: { asOf, format: 'csv' },
              parseAs: 'blob',
              throwOnError: true,
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
          <AccountSections
            currency={data.currency}
            sections={(['assets', 'liabilities', 'equity'] as const).map((side) => ({
              key: side,
              title: t(`reports.balanceSheet.${side}`),
              rows: data[side].rows,
              total: data[side].total,
            }))}
          />
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
