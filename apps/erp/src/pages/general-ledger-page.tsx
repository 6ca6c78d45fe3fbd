import {
  cn,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from '@codexion/resources';
import { RelationPicker, useApi, useFormatters, useTranslation } from '@codexion/web';
import { useInfiniteQuery } from '@tanstack/react-query';
import { reportGeneralLedger } from '../../core/generated/client/sdk.gen.js';
import { useMoney } from '../documents/use-money.js';
import { erp } from '../entities.js';
import { ReportFrame } from '../reports/report-frame.js';
import { CsvButton, PeriodFields } from '../reports/report-parameters.js';
import { usePeriod } from '../reports/use-period.js';
import { LoadMore, VoucherNo } from '../reports/voucher-cells.js';

/**
 * The general ledger of one account (optionally one party) over a period: the balance before it,
 * each row with its running balance and a link to its document, the closing balance; more rows
 * load page by page.
 */
export function GeneralLedgerPage() {
  const { t } = useTranslation('erp');
  const format = useFormatters();
  const money = useMoney();
  const { client, baseUrl } = useApi();
  const { from, to, search, set } = usePeriod();
  const accountId = search.get('accountId') ?? '';
  const partyId = search.get('partyId') ?? undefined;
  const query = { accountId, from, to, ...(partyId ? { partyId } : {}) };
  const report = useInfiniteQuery({
    queryKey: [baseUrl, 'erp', 'reports', 'general-ledger', query],
    queryFn: async ({ pageParam, signal }) =>
      (
        await reportGeneralLedger({
          client,
          query: { ...query, ...(pageParam ? { cursor: pageParam } : {}) },
          signal,
          throwOnError: true,
        })
      ).data,
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: Boolean(accountId),
  });
  const pages = report.data?.pages ?? [];
  const first = pages[0];
  const last = pages[pages.length - 1];
  const rows = pages.flatMap((page) => page.rows);
  const currency = first?.currency ?? format.currency;
  return (
    <ReportFrame
      title={t('reports.generalLedger.title')}
      description={t('reports.period', { from, to })}
      loading={Boolean(accountId) && report.isPending}
      error={report.error}
      actions={
        accountId && (
          <CsvButton
            fileName={`general-ledger-${from}-${to}.csv`}
            call={(client) =>
              reportGeneralLedger({
                client,
                query: { ...query, format: 'csv' },
                parseAs: 'blob',
                throwOnError: true,
              })
            }
          />
        )
      }
      parameters={
        <>
          <div className="grid gap-1.5">
            <span id="gl-account" className="font-medium text-sm">
              {t('reports.account')}
            </span>
            <RelationPicker
              aria-labelledby="gl-account"
              className="w-64"
              target={erp.entity('account')}
              value={accountId || null}
              onValueChange={(id) => set('accountId', id ?? undefined)}
            />
          </div>
          <PeriodFields from={from} to={to} set={set} />
        </>
      }
    >
      {!accountId ? (
        <p className="text-muted-foreground">{t('reports.generalLedger.pickAccount')}</p>
      ) : (
        first && (
          <div className="grid gap-3">
            <div className="overflow-x-auto rounded-md border">
              <Table>
                <caption className="sr-only">{t('reports.generalLedger.title')}</caption>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t('reports.columns.date')}</TableHead>
                    <TableHead>{t('reports.columns.voucher')}</TableHead>
                    <TableHead>{t('reports.columns.party')}</TableHead>
                    <TableHead>{t('reports.columns.remarks')}</TableHead>
                    <TableHead className="text-end">{t('reports.columns.debit')}</TableHead>
                    <TableHead className="text-end">{t('reports.columns.credit')}</TableHead>
                    <TableHead className="text-end">{t('reports.columns.balance')}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  <TableRow className="bg-muted/40">
                    <TableCell colSpan={6} className="font-medium">
                      {t('reports.generalLedger.opening')}
                    </TableCell>
                    <TableCell className="text-end font-medium tabular-nums">
                      {money(first.opening, currency)}
                    </TableCell>
                  </TableRow>
                  {rows.map((row) => {
                    return (
                      <TableRow key={row.id}>
                        <TableCell className="whitespace-nowrap">{format.date(row.postingDate)}</TableCell>
                        <TableCell>
                          <VoucherNo type={row.voucherType} id={row.voucherId} number={row.voucherNo} />
                        </TableCell>
                        <TableCell>{row.partyName ?? ''}</TableCell>
                        <TableCell className="text-muted-foreground">{row.remarks ?? ''}</TableCell>
                        <TableCell className="text-end tabular-nums">
                          {row.debit ? money(row.debit, currency) : ''}
                        </TableCell>
                        <TableCell className="text-end tabular-nums">
                          {row.credit ? money(row.credit, currency) : ''}
                        </TableCell>
                        <TableCell className={cn('text-end tabular-nums', row.balance < 0 && 'text-danger')}>
                          {money(row.balance, currency)}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
                {!report.hasNextPage && last && (
                  <TableFooter>
                    <TableRow>
                      <TableCell colSpan={6} className="font-semibold">
                        {t('reports.generalLedger.closing')}
                      </TableCell>
                      <TableCell className="text-end font-semibold tabular-nums">
                        {money(last.closing, currency)}
                      </TableCell>
                    </TableRow>
                  </TableFooter>
                )}
              </Table>
            </div>
            <LoadMore query={report} label={t('reports.generalLedger.more')} />
          </div>
        )
      )}
    </ReportFrame>
  );
}
