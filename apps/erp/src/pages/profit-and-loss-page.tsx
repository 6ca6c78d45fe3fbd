import { cn } from '@codexion/resources';
import { useTranslation } from '@codexion/web';
import { reportProfitAndLoss } from '../../core/generated/client/sdk.gen.js';
import { useMoney } from '../documents/use-money.js';
import { AccountTreeTable } from '../reports/account-tree-table.js';
import { ReportFrame } from '../reports/report-frame.js';
import { CsvButton, DateField } from '../reports/report-parameters.js';
import { usePeriod } from '../reports/use-period.js';
import { useCsvDownload, useReport } from '../reports/use-report.js';

/** Profit and loss of a period: income and expense trees and the net result. */
export function ProfitAndLossPage() {
  const { t } = useTranslation('erp');
  const money = useMoney();
  const { from, to, set } = usePeriod();
  const report = useReport('profit-and-loss', { from, to }, (client, signal) =>
    reportProfitAndLoss({ client, query: { from, to }, signal, throwOnError: true }),
  );
  const csv = useCsvDownload();
  const data = report.data;
  const columns = [{ key: 'amount', label: t('reports.columns.amount') }];
  return (
    <ReportFrame
      title={t('reports.profitAndLoss.title')}
      description={t('reports.period', { from, to })}
      loading={report.isPending}
      error={report.error}
      actions={
        <CsvButton
          loading={csv.isPending}
          onClick={() =>
            csv.mutate({
              fileName: `profit-and-loss-${from}-${to}.csv`,
              call: (client) =>
                reportProfitAndLoss({
                  client,
                  query: { from, to, format: 'csv' },
                  parseAs: 'blob',
                  throwOnError: true,
                }),
            })
          }
        />
      }
      parameters={
        <>
          <DateField label={t('reports.from')} value={from} onChange={(day) => set('from', day)} />
          <DateField label={t('reports.to')} value={to} onChange={(day) => set('to', day)} />
        </>
      }
    >
      {data && (
        <div className="grid gap-6">
          {(['income', 'expense'] as const).map((side) => (
            <section key={side} aria-labelledby={`pl-${side}`} className="grid gap-2">
              <h2 id={`pl-${side}`} className="font-semibold text-lg">
                {t(`reports.profitAndLoss.${side}`)}
              </h2>
              <AccountTreeTable
                caption={t(`reports.profitAndLoss.${side}`)}
                rows={data[side].rows}
                columns={columns}
                currency={data.currency}
                totals={{ label: t('reports.total'), values: { amount: data[side].total } }}
              />
            </section>
          ))}
          <p
            data-slot="net-result"
            className="flex items-baseline justify-between rounded-md border px-4 py-3 font-semibold text-lg"
          >
            <span>{t('reports.profitAndLoss.netResult')}</span>
            <span className={cn('tabular-nums', data.netResult < 0 && 'text-danger')}>
              {money(data.netResult, data.currency)}
            </span>
          </p>
        </div>
      )}
    </ReportFrame>
  );
}
