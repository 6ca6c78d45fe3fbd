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
import { RelationPicker, useFormatters, useTranslation } from '@codexion/web';
import { Link } from 'react-router';
import { reportStockBalance } from '../../core/generated/client/sdk.gen.js';
import { useCompany } from '../documents/use-company.js';
import { useMoney } from '../documents/use-money.js';
import { erp } from '../entities.js';
import { ReportFrame } from '../reports/report-frame.js';
import { CsvButton, DateField } from '../reports/report-parameters.js';
import { usePeriod } from '../reports/use-period.js';
import { useReport } from '../reports/use-report.js';

/** Stock per item and warehouse at a date, with its value; each item leads to its stock ledger. */
export function StockBalancePage() {
  const { t } = useTranslation('erp');
  const format = useFormatters();
  const money = useMoney();
  const { asOf, search, set } = usePeriod();
  const warehouseId = search.get('warehouseId') ?? undefined;
  const query = { asOf, ...(warehouseId ? { warehouseId } : {}) };
  const report = useReport('stock-balance', query, (client, signal) =>
    reportStockBalance({ client, query, signal, throwOnError: true }),
  );
  const data = report.data;
  const { baseCurrency: currency } = useCompany();
  return (
    <ReportFrame
      title={t('reports.stockBalance.title')}
      description={t('reports.asOfDate', { asOf })}
      loading={report.isPending}
      error={report.error}
      actions={
        <CsvButton
          fileName={`stock-balance-${asOf}.csv`}
          call={(client) =>
            reportStockBalance({
              client,
              query: { ...query, format: 'csv' },
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
            <span id="stock-warehouse" className="font-medium text-sm">
              {t('stock.warehouse')}
            </span>
            <RelationPicker
              aria-labelledby="stock-warehouse"
              className="w-56"
              clearable
              target={erp.entity('warehouse')}
              value={warehouseId ?? null}
              onValueChange={(id) => set('warehouseId', id ?? undefined)}
            />
          </div>
        </>
      }
    >
      {data && (
        <div className="overflow-x-auto rounded-md border">
          <Table>
            <caption className="sr-only">{t('reports.stockBalance.title')}</caption>
            <TableHeader>
              <TableRow>
                <TableHead>{t('stock.item')}</TableHead>
                <TableHead>{t('stock.warehouse')}</TableHead>
                <TableHead className="text-end">{t('stock.qty')}</TableHead>
                <TableHead className="text-end">{t('stock.value')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((row) => (
                <TableRow key={`${row.itemId}-${row.warehouseId}`}>
                  <TableCell>
                    <Link
                      to={`../../items/${encodeURIComponent(row.itemId)}`}
                      relative="path"
                      className="underline-offset-4 hover:underline"
                    >
                      <span className="me-2 text-muted-foreground">{row.sku}</span>
                      {row.itemName}
                    </Link>
                  </TableCell>
                  <TableCell>{row.warehouseName}</TableCell>
                  <TableCell className={cn('text-end tabular-nums', row.qty < 0 && 'text-danger')}>
                    {format.number(row.qty)}
                  </TableCell>
                  <TableCell className="text-end tabular-nums">{money(row.value, currency)}</TableCell>
                </TableRow>
              ))}
              {data.items.length === 0 && (
                <TableRow>
                  <TableCell colSpan={4} className="py-8 text-center text-muted-foreground">
                    {t('stock.none')}
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableCell colSpan={3} className="font-semibold">
                  {t('reports.total')}
                </TableCell>
                <TableCell className="text-end font-semibold tabular-nums">
                  {money(data.totalValue, currency)}
                </TableCell>
              </TableRow>
            </TableFooter>
          </Table>
        </div>
      )}
    </ReportFrame>
  );
}
