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
import { useTranslation } from '@codexion/web';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useMoney } from '../documents/use-money.js';

/** A row of a report over the chart of accounts (trial balance, P&L, balance sheet). */
export interface AccountRow {
  accountId: string;
  number: string;
  name: string;
  isGroup: boolean;
  depth: number;
  drill: { accountId: string; from: string; to: string; partyId?: string };
  [amount: string]: unknown;
}

export interface AmountColumn {
  key: string;
  label: string;
}

export interface AccountTreeTableProps {
  caption: string;
  rows: readonly AccountRow[];
  columns: readonly AmountColumn[];
  currency: string;
  /** the totals row, by column key */
  totals?: { label: string; values: Record<string, number> };
}

/** The general ledger of a row's account and range: where a figure drills down to. */
export function drillSearch(drill: AccountRow['drill']): string {
  const search = new URLSearchParams({ accountId: drill.accountId, from: drill.from, to: drill.to });
  if (drill.partyId) search.set('partyId', drill.partyId);
  return `?${search}`;
}

/**
 * A report over the account tree: group accounts in bold with their children indented under them,
 * each figure a link to the general ledger of that account and range.
 */
export function AccountTreeTable({ caption, rows, columns, currency, totals }: AccountTreeTableProps) {
  const { t } = useTranslation('erp');
  const money = useMoney();
  const figure = (row: AccountRow, column: AmountColumn): ReactNode => {
    const value = Number(row[column.key] ?? 0);
    if (value === 0) return <span className="text-muted-foreground">–</span>;
    return (
      <Link
        to={{ pathname: '../general-ledger', search: drillSearch(row.drill) }}
        relative="path"
        className="underline-offset-4 hover:underline focus-visible:underline"
        aria-label={t('reports.drill', {
          figure: money(value, currency),
          account: `${row.number} ${row.name}`,
          column: column.label,
        })}
      >
        {money(value, currency)}
      </Link>
    );
  };
  return (
    <div className="overflow-x-auto rounded-md border">
      <Table>
        <caption className="sr-only">{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHead>{t('reports.account')}</TableHead>
            {columns.map((column) => (
              <TableHead key={column.key} className="text-end">
                {column.label}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow
              key={row.accountId}
              data-group={row.isGroup || undefined}
              className={cn(row.isGroup && 'bg-muted/40')}
            >
              <TableCell className={cn(row.isGroup && 'font-medium')}>
                <span style={{ paddingInlineStart: `${row.depth * 1.25}rem` }} className="inline-flex gap-2">
                  <span className="text-muted-foreground tabular-nums">{row.number}</span>
                  {row.name}
                </span>
              </TableCell>
              {columns.map((column) => (
                <TableCell
                  key={column.key}
                  className={cn('text-end tabular-nums', row.isGroup && 'font-medium')}
                >
                  {figure(row, column)}
                </TableCell>
              ))}
            </TableRow>
          ))}
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={columns.length + 1} className="py-8 text-center text-muted-foreground">
                {t('reports.noRows')}
              </TableCell>
            </TableRow>
          )}
        </TableBody>
        {totals && (
          <TableFooter>
            <TableRow>
              <TableCell className="font-semibold">{totals.label}</TableCell>
              {columns.map((column) => (
                <TableCell key={column.key} className="text-end font-semibold tabular-nums">
                  {totals.values[column.key] === undefined
                    ? ''
                    : money(totals.values[column.key] ?? 0, currency)}
                </TableCell>
              ))}
            </TableRow>
          </TableFooter>
        )}
      </Table>
    </div>
  );
}

export interface AccountSection {
  key: string;
  title: string;
  rows: readonly AccountRow[];
  total: number;
}

/** The sides of a statement (income and expense; assets, liabilities and equity), one table each. */
export function AccountSections({
  sections,
  currency,
}: {
  sections: readonly AccountSection[];
  currency: string;
}) {
  const { t } = useTranslation('erp');
  const columns = [{ key: 'amount', label: t('reports.columns.amount') }];
  return sections.map((section) => (
    <section key={section.key} aria-labelledby={`section-${section.key}`} className="grid gap-2">
      <h2 id={`section-${section.key}`} className="font-semibold text-lg">
        {section.title}
      </h2>
      <AccountTreeTable
        caption={section.title}
        rows={section.rows}
        columns={columns}
        currency={currency}
        totals={{ label: t('reports.total'), values: { amount: section.total } }}
      />
    </section>
  ));
}
