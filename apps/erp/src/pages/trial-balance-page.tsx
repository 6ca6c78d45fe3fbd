import { useTranslation } from '@codexion/web';
import { reportTrialBalance } from '../../core/generated/client/sdk.gen.js';
import { AccountTreeTable } from '../reports/account-tree-table.js';
import { ReportFrame } from '../reports/report-frame.js';
import { CsvButton, PeriodFields } from '../reports/report-parameters.js';
import { usePeriod } from '../reports/use-period.js';
import { useReport } from '../reports/use-report.js';

/** The trial balance of a period: opening, debit, credit and closing per account, drilling to the ledger. */
export function TrialBalancePage() {
  const { t } = useTranslation('erp');
  const { from, to, set } = usePeriod();
  const report = useReport('trial-balance', { from, to }, (client, signal) =>
    reportTrialBalance({ client, query: { from, to }, signal, throwOnError: true }),
  );
  const data = report.data;
  const columns = (['opening', 'debit', 'credit', 'closing'] as const).map((key) => ({
    key,
    label: t(`reports.columns.${key}`),
  }));
  return (
    <ReportFrame
      title={t('reports.trialBalance.title')}
      description={t('reports.period', { from, to })}
      loading={report.isPending}
      error={report.error}
      actions={
        <CsvButton
          fileName={`trial-balance-${from}-${to}.csv`}
          call={(client) =>
            reportTrialBalance({
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
        <AccountTreeTable
          caption={t('reports.trialBalance.title')}
          rows={data.rows}
          columns={columns}
          currency={data.currency}
          totals={{ label: t('reports.total'), values: data.totals }}
        />
      )}
    </ReportFrame>
  );
}
