import {
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  cn,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from '@codexion/resources';
import { type DetailSlotProps, useApi, useFormatters, useTranslation } from '@codexion/web';
import { useInfiniteQuery } from '@tanstack/react-query';
import { reportStockBalance, reportStockLedger } from '../../core/generated/client/sdk.gen.js';
import { useCompany } from '../documents/use-company.js';
import { useMoney } from '../documents/use-money.js';
import { useReport } from '../reports/use-report.js';
import { LoadMore, VoucherNo } from '../reports/voucher-cells.js';

/** An item's stock in each warehouse now: quantity and value, and the sum. */
export function ItemStockCard({ id }: DetailSlotProps) {
  const { t } = useTranslation('erp');
  const format = useFormatters();
  const money = useMoney();
  const { baseCurrency } = useCompany();
  const report = useReport('stock-balance', { itemId: id }, (client, signal) =>
    reportStockBalance({ client, query: { itemId: id }, signal, throwOnError: true }),
  );
  const rows = report.data?.items ?? [];
  const qty = rows.reduce((sum, row) => sum + row.qty, 0);
  return (
    <Card data-slot="item-stock">
      <CardHeader>
        <CardTitle>
          <h2>{t('stock.perWarehouse')}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent>
        {report.isError ? (
          <p className="text-muted-foreground text-sm">{t('stock.loadFailed')}</p>
        ) : rows.length === 0 ? (
          <p className="text-muted-foreground text-sm">{report.isPending ? '…' : t('stock.none')}</p>
        ) : (
          <Table>
            <caption className="sr-only">{t('stock.perWarehouse')}</caption>
            <TableHeader>
              <TableRow>
                <TableHead>{t('stock.warehouse')}</TableHead>
                <TableHead className="text-end">{t('stock.qty')}</TableHead>
                <TableHead className="text-end">{t('stock.value')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.warehouseId}>
                  <TableCell>{row.warehouseName}</TableCell>
                  <TableCell className={cn('text-end tabular-nums', row.qty < 0 && 'text-danger')}>
                    {format.number(row.qty)}
                  </TableCell>
                  <TableCell className="text-end tabular-nums">{money(row.value, baseCurrency)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableCell>{t('reports.total')}</TableCell>
                <TableCell className="text-end tabular-nums">{format.number(qty)}</TableCell>
                <TableCell className="text-end tabular-nums">
                  {money(report.data?.totalValue ?? 0, baseCurrency)}
                </TableCell>
              </TableRow>
            </TableFooter>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

/**
 * An item's stock ledger: each move as it was valued, with the bin's quantity and value after it,
 * the valuation rate and the value it changed, each leading to its stock entry; older moves load
 * page by page.
 */
export function ItemStockLedger({ id }: DetailSlotProps) {
  const { t } = useTranslation('erp');
  const format = useFormatters();
  const money = useMoney();
  const { baseCurrency } = useCompany();
  const { client, baseUrl } = useApi();
  const ledger = useInfiniteQuery({
    queryKey: [baseUrl, 'erp', 'reports', 'stock-ledger', id],
    queryFn: async ({ pageParam, signal }) =>
      (
        await reportStockLedger({
          client,
          query: { itemId: id, ...(pageParam === undefined ? {} : { after: pageParam }) },
          signal,
          throwOnError: true,
        })
      ).data,
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = (ledger.data?.pages ?? []).flatMap((page) => page.items);
  const rate = (value: number | null) => (value === null ? '–' : money(Math.round(value), baseCurrency));
  return (
    <Card data-slot="stock-ledger">
      <CardHeader>
        <CardTitle>
          <h2>{t('stock.ledger')}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        {ledger.isError ? (
          <p className="text-muted-foreground text-sm">{t('stock.loadFailed')}</p>
        ) : rows.length === 0 ? (
          <p className="text-muted-foreground text-sm">{ledger.isPending ? '…' : t('stock.noMoves')}</p>
        ) : (
          <div className="overflow-x-auto">
            <Table>
              <caption className="sr-only">{t('stock.ledger')}</caption>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('reports.columns.date')}</TableHead>
                  <TableHead>{t('reports.columns.voucher')}</TableHead>
                  <TableHead>{t('stock.warehouse')}</TableHead>
                  <TableHead className="text-end">{t('stock.qty')}</TableHead>
                  <TableHead className="text-end">{t('stock.qtyAfter')}</TableHead>
                  <TableHead className="text-end">{t('stock.rate')}</TableHead>
                  <TableHead className="text-end">{t('stock.valueChange')}</TableHead>
                  <TableHead className="text-end">{t('stock.valueAfter')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => {
                  return (
                    <TableRow key={row.moveId}>
                      <TableCell className="whitespace-nowrap">{format.date(row.postingDate)}</TableCell>
                      <TableCell>
                        <VoucherNo type={row.voucherType} id={row.voucherId} number={row.voucherNo} />
                      </TableCell>
                      <TableCell>{row.warehouseName}</TableCell>
                      <TableCell className={cn('text-end tabular-nums', row.qty < 0 && 'text-danger')}>
                        {format.number(row.qty, { signDisplay: 'exceptZero' })}
                      </TableCell>
                      <TableCell className="text-end tabular-nums">{format.number(row.qtyAfter)}</TableCell>
                      <TableCell className="text-end tabular-nums">{rate(row.valuationRate)}</TableCell>
                      <TableCell className="text-end tabular-nums">
                        {money(row.valueChange, baseCurrency)}
                      </TableCell>
                      <TableCell className="text-end tabular-nums">
                        {money(row.valueAfter, baseCurrency)}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        )}
        <LoadMore query={ledger} label={t('stock.more')} />
      </CardContent>
    </Card>
  );
}
