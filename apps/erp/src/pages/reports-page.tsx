import { Card, CardDescription, CardHeader, CardTitle } from '@codexion/resources';
import { PageHeader, useTranslation } from '@codexion/web';
import { BookOpenText, Boxes, CalendarClock, ChartNoAxesCombined, Scale, Sigma } from 'lucide-react';
import { Link } from 'react-router';

const reports = [
  { path: 'trial-balance', key: 'trialBalance', icon: Sigma },
  { path: 'profit-and-loss', key: 'profitAndLoss', icon: ChartNoAxesCombined },
  { path: 'balance-sheet', key: 'balanceSheet', icon: Scale },
  { path: 'general-ledger', key: 'generalLedger', icon: BookOpenText },
  { path: 'aging', key: 'aging', icon: CalendarClock },
  { path: 'stock-balance', key: 'stockBalance', icon: Boxes },
] as const;

/** The financial reports, one card each. */
export function ReportsPage() {
  const { t } = useTranslation('erp');
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('reports.title')} description={t('reports.description')} />
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {reports.map(({ path, key, icon: Icon }) => (
          <li key={path}>
            <Link
              to={path}
              className="block h-full rounded-xl outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
            >
              <Card className="h-full transition-colors hover:bg-accent/50">
                <CardHeader>
                  <CardTitle className="flex items-center gap-2">
                    <Icon aria-hidden="true" className="size-4 text-muted-foreground" />
                    <h2>{t(`reports.${key}.title`)}</h2>
                  </CardTitle>
                  <CardDescription>{t(`reports.${key}.description`)}</CardDescription>
                </CardHeader>
              </Card>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
