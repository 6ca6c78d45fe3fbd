import { OptionSelect } from '@codexion/resources';
import { useTranslation } from '@codexion/web';
import { reportAging } from '../../core/generated/client/sdk.gen.js';
import { AccountTreeTable } from '../reports/account-tree-table.js';
import { ReportFrame } from '../reports/report-frame.js';
import { CsvButton, DateField } from '../reports/report-parameters.js';
import { usePeriod } from '../reports/use-period.js';
import { useReport } from '../reports/use-report.js';

const buckets = ['notDue', 'days0to30', 'days31to60', 'days61to90', 'over90', 'advances', 'total'] as const;

/** What customers owe (or suppliers are owed) at a date, by how long it is overdue, per party. */
export function AgingPage() {
  const { t } = useTranslation('erp');
  const { asOf, search, set } = usePeriod();
  const kind = search.get('kind') === 'payable' ? 'payable' : 'receivable';
  const report = useReport('aging', { asOf, kind }, (client, signal) =>
    reportAging({ client, query: { asOf, kind }, signal, throwOnError: true }),
  );
  const data = report.data;
  const columns = buckets.map((key) => ({ key, label: t(`reports.aging.${key}`) }));
  const rows = (data?.rows ?? []).map((row) => ({
    ...row,
    accountId: row.partyId,
    number: '',
    name: row.partyName,
    isGroup: false,
    depth: 0,
  }));
  return (
    <ReportFrame
      title={t('reports.aging.title')}
      description={t('reports.asOfDate', { asOf })}
      loading={report.isPending}
      error={report.error}
      actions={
        <CsvButton
          fileName={`aging-${kind}-${asOf}.csv`}
          call={(client) =>
            reportAging({
              client,
              query: { asOf, kind, format: 'csv' },
              parseAs: 'blob',
              throwOnError: true,
            })
          }
        />
      }
      parameters={
        <>
          <DateField label={t('reports.asOf')} value={asOf} onChange={(day) => set('asOf', day)} />
          <div className="grid gap-1.5">
            <span id="aging-kind" className="font-medium text-sm">
              {t('reports.aging.kind')}
            </span>
            <OptionSelect
              aria-labelledby="aging-kind"
              className="w-44"
              value={kind}
              onValueChange={(value) => set('kind', value)}
              options={[
                { value: 'receivable', label: t('reports.aging.receivable') },
                { value: 'payable', label: t('reports.aging.payable') },
              ]}
            />
          </div>
        </>
      }
    >
      {data && (
        <AccountTreeTable
          caption={t('reports.aging.title')}
          rows={rows}
          columns={columns}
          currency={data.currency}
          totals={{ label: t('reports.total'), values: data.totals }}
        />
      )}
    </ReportFrame>
  );
}
