import { cn } from '@codexion/resources';
import { useTranslation } from '@codexion/web';
import { reportProfitAndLoss } from '../../core/generated/client/sdk.gen.js';
import { useMoney } from '../documents/use-money.js';
import { AccountSections } from '../reports/account-tree-table.js';
import { ReportFrame } from '../reports/report-frame.js';
import { CsvButton, PeriodFields } from '../reports/report-parameters.js';
import { usePeriod } from '../reports/use-period.js';
import { useReport } from '../reports/use-report.js';

/** Profit and loss of a period: income and expense trees and the net result. */
export function ProfitAndLossPage() {
  const { t } = useTranslation('erp');
  const money = useMoney();
  const { from, to, set } = usePeriod();
  const report = useReport('profit-and-loss', { from, to }, (client, signal) =>
    reportProfitAndLoss({ client, query: { from, to }, signal, throwOnError: true }),
  );
  const data = report.data;
  return (
    <ReportFrame
      title={t('reports.profitAndLoss.title')}
      description={t('reports.period', { from, to })}
      loading={report.isPending}
      error={report.error}
      actions={
        <CsvButton
          fileName={`profit-and-loss-${from}-${to}.csv`}
          call={(client) =>
            reportProfitAndLoss({
              client,
              query: { from, to, format: 'csv' },
              parseAs: 'blob',
              throwOnError: true,
            })
          }
        />
      }
      parameters={<PeriodFields from={from} to={to} set={set} />}
    >
      {data && (
        <div className="grid gap-6">
          <AccountSections
            currency={data.currency}
            sections={(['income', 'expense'] as const).map((side) => ({
              key: side,
              title: t(`reports.profitAndLoss.${side}`),
              rows: data[side].rows,
              total: data[side].total,
            }))}
          />
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
