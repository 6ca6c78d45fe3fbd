import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  Skeleton,
  StatCard,
} from '@codexion/resources';
import { PageHeader, ProblemError, todayIn, useFormatters, useTranslation } from '@codexion/web';
import { AlertCircle, ArrowDownLeft, ArrowUpRight, Landmark, TrendingUp } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { reportDashboard } from '../../core/generated/client/sdk.gen.js';
import { CompanySetupForm } from '../dashboard/company-setup-form.js';
import { PnlTrendChart } from '../dashboard/pnl-trend-chart.js';
import { useMoney } from '../documents/use-money.js';
import { useReport } from '../reports/use-report.js';

function Figure({
  to,
  hint,
  ...props
}: {
  icon: ReactNode;
  label: string;
  value: string;
  hint: string;
  to: string;
}) {
  return (
    <StatCard
      {...props}
      hint={
        <Link to={to} className="underline-offset-4 hover:underline">
          {hint}
        </Link>
      }
    />
  );
}

/**
 * The accountant's home: cash and bank, what customers owe and what is owed to suppliers, this
 * year's result so far, and income, expense and result over the last twelve months — all from the
 * ledger (`GET /reports/dashboard` through the generated SDK), each figure leading to its report.
 * Before the company is set up, the setup form in its place.
 */
export function DashboardPage() {
  const { t } = useTranslation('erp');
  const format = useFormatters();
  const money = useMoney();
  const asOf = todayIn(format.timeZone);
  const report = useReport('dashboard', { asOf }, (client, signal) =>
    reportDashboard({ client, query: { asOf }, signal, throwOnError: true }),
  );
  const data = report.data;
  if (report.error instanceof ProblemError && report.error.code === 'COMPANY_NOT_SET_UP') {
    // no books yet: the way to them (the dashboard follows once the setup's refetch answers)
    return (
      <div className="flex flex-col gap-6">
        <PageHeader title={t('setup.title')} description={t('setup.description')} />
        <CompanySetupForm />
      </div>
    );
  }
  if (report.error) {
    return (
      <EmptyState
        icon={<AlertCircle />}
        title={t('dashboard.loadFailed')}
        action={
          <Button variant="outline" onClick={() => void report.refetch()}>
            {t('dashboard.retry')}
          </Button>
        }
      />
    );
  }
  const year = asOf.slice(0, 4);
  const yearToDate = (data?.months ?? []).filter((month) => month.month.startsWith(year));
  const result = yearToDate.reduce((sum, month) => sum + month.netResult, 0);
  const currency = data?.currency ?? format.currency;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('dashboard.title')}
        description={t('dashboard.description', { date: format.date(asOf) })}
      />
      {!data ? (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" aria-busy="true">
          {['a', 'b', 'c', 'd'].map((key) => (
            <Skeleton key={key} className="h-32" />
          ))}
          <Skeleton className="h-80 sm:col-span-2 xl:col-span-4" />
        </div>
      ) : (
        <>
          <section
            aria-label={t('dashboard.figures')}
            className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4"
          >
            <Figure
              icon={<Landmark />}
              label={t('dashboard.cash')}
              value={money(data.cash, currency)}
              hint={t('dashboard.cashHint')}
              to="reports/balance-sheet"
            />
            <Figure
              icon={<ArrowDownLeft />}
              label={t('dashboard.receivables')}
              value={money(data.receivables, currency)}
              hint={t('dashboard.agingHint')}
              to="reports/aging?kind=receivable"
            />
            <Figure
              icon={<ArrowUpRight />}
              label={t('dashboard.payables')}
              value={money(data.payables, currency)}
              hint={t('dashboard.agingHint')}
              to="reports/aging?kind=payable"
            />
            <Figure
              icon={<TrendingUp />}
              label={t('dashboard.resultYear', { year })}
              value={money(result, currency)}
              hint={t('dashboard.plHint')}
              to="reports/profit-and-loss"
            />
          </section>
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>{t('dashboard.trend')}</h2>
              </CardTitle>
              <CardDescription>{t('dashboard.trendDescription', { currency })}</CardDescription>
            </CardHeader>
            <CardContent>
              <PnlTrendChart months={data.months} currency={currency} />
            </CardContent>
          </Card>
        </>
      )}
    </div>
  );
}
