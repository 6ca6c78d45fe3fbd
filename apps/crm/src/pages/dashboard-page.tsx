import {
  Badge,
  Button,
  Card,
  CardAction,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Checkbox,
  EmptyState,
  OptionSelect,
  Skeleton,
  StatCard,
} from '@codexion/resources';
import { currencyDigits } from '@codexion/schema';
import {
  PageHeader,
  type ResourceRecord,
  resourceKeys,
  serializeQuery,
  todayIn,
  useAllRecords,
  useApi,
  useFormatters,
  useTranslation,
} from '@codexion/web';
import { useQuery } from '@tanstack/react-query';
import { AlertCircle, CalendarClock, CircleDollarSign, Target, TrendingUp } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { listActivities } from '../../core/generated/client/sdk.gen.js';
import { useActivityDone } from '../activities/use-activity-done.js';
import { OutcomesChart, StageValueChart } from '../dashboard/dashboard-charts.js';
import {
  addDays,
  closingThisMonth,
  currenciesByValue,
  endOfMonth,
  openTotals,
  outcomesByMonth,
  pipelineByStage,
  toDealFacts,
  toStageFacts,
  winRate,
} from '../dashboard/dashboard-figures.js';
import { crm } from '../entities.js';

const byPosition = [{ field: 'position', desc: false }];

/**
 * The CRM's home: open pipeline and weighted value, win rate, what closes this month and what is
 * due today (KPIs), the open value per stage of one pipeline, won and lost per month, and the two
 * lists to act on. Money figures are in one currency at a time (deals keep their own).
 */
export function DashboardPage() {
  const { t } = useTranslation('crm');
  const format = useFormatters();
  const { client, baseUrl } = useApi();
  const today = todayIn(format.timeZone);
  const since = addDays(today, -190);
  const [pipelineChoice, setPipelineChoice] = useState<string>();
  const [currencyChoice, setCurrencyChoice] = useState<string>();
  const toggleDone = useActivityDone();

  const pipelines = useAllRecords(crm.entity('pipeline'), { q: '', sort: byPosition, filters: [] });
  const stages = useAllRecords(crm.entity('stage'), { q: '', sort: byPosition, filters: [] });
  const open = useAllRecords(
    crm.entity('deal'),
    { q: '', sort: [], filters: [{ field: 'status', op: 'eq', value: 'open' }] },
    { staleTime: 0 },
  );
  const closed = useAllRecords(
    crm.entity('deal'),
    {
      q: '',
      sort: [],
      filters: [
        { field: 'status', op: 'ne', value: 'open' },
        { field: 'closedAt', op: 'gte', value: `${since}T00:00:00Z` },
      ],
    },
    { staleTime: 0 },
  );
  const dueToday = useAllRecords(
    crm.entity('activity'),
    {
      q: '',
      sort: [{ field: 'dueTime', desc: false }],
      filters: [
        { field: 'dueDate', op: 'eq', value: today },
        { field: 'done', op: 'eq', value: 'false' },
      ],
    },
    { max: 200, staleTime: 0 },
  );
  const overdue = useQuery({
    // under the activities key: every activity write refreshes the count
    queryKey: [...resourceKeys.all(baseUrl, 'activities'), 'overdue', today],
    queryFn: async ({ signal }) => {
      const { data } = await listActivities({
        client,
        query: { filter: { dueDate: { lt: today }, done: { eq: false } }, pageSize: 1, total: true },
        querySerializer: serializeQuery,
        signal,
        throwOnError: true,
      });
      return typeof data.total === 'number' ? data.total : 0;
    },
  });

  const deals = useMemo(
    () => toDealFacts([...(open.data ?? []), ...(closed.data ?? [])]),
    [open.data, closed.data],
  );
  const currencies = useMemo(() => currenciesByValue(deals), [deals]);
  const currency =
    currencyChoice && currencies.includes(currencyChoice)
      ? currencyChoice
      : currencies.includes(format.currency)
        ? format.currency
        : (currencies[0] ?? format.currency);
  const pipelineOptions = (pipelines.data ?? []).map((record) => ({
    id: String(record.id),
    name: String(record.name ?? ''),
  }));
  const pipelineId = pipelineChoice ?? pipelineOptions[0]?.id;
  const pipelineName = pipelineOptions.find((pipeline) => pipeline.id === pipelineId)?.name ?? '';
  const pipelineStages = useMemo(
    () => toStageFacts(stages.data ?? []).filter((stage) => stage.pipelineId === pipelineId),
    [stages.data, pipelineId],
  );

  const loading = [pipelines, stages, open, closed].some((query) => query.isPending);
  const failed = [pipelines, stages, open, closed].some((query) => query.isError);
  if (failed) return <EmptyState icon={<AlertCircle />} title={t('dashboard.loadFailed')} />;

  // headline figures in whole units: cents on a pipeline total are noise
  const whole = (minor: number, code = currency) =>
    format.number(minor / 10 ** currencyDigits(code), {
      style: 'currency',
      currency: code,
      maximumFractionDigits: 0,
    });
  const totals = openTotals(deals, currency);
  const rate = winRate(deals, today);
  const closing = closingThisMonth(deals, today);
  const closingInCurrency = closing.filter((deal) => deal.currency === currency);
  const byStage = pipelineByStage(deals, pipelineStages, currency);
  const outcomes = outcomesByMonth(deals, today);
  const activities: ResourceRecord[] = dueToday.data ?? [];
  const overdueCount = overdue.data ?? 0;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('dashboard.title')}
        description={t('dashboard.description', { date: format.date(today) })}
        actions={
          currencies.length > 1 && (
            <OptionSelect
              aria-label={t('dashboard.currency')}
              className="w-28"
              data-slot="currency"
              value={currency}
              onValueChange={setCurrencyChoice}
              options={currencies.map((code) => ({ value: code, label: code }))}
            />
          )
        }
      />
      {loading ? (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" aria-busy="true">
          {['a', 'b', 'c', 'd'].map((key) => (
            <Skeleton key={key} className="h-32" />
          ))}
          <Skeleton className="h-80 sm:col-span-2 xl:col-span-4" />
        </div>
      ) : (
        <>
          <section
            aria-label={t('dashboard.title')}
            className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4"
          >
            <StatCard
              icon={<CircleDollarSign />}
              label={t('dashboard.openValue')}
              value={whole(totals.value)}
              hint={`${t('dashboard.openDeals', { count: totals.count })} · ${t('dashboard.weighted')} ${whole(totals.weighted)}`}
            />
            <StatCard
              icon={<TrendingUp />}
              label={t('dashboard.winRate')}
              value={
                rate.rate === undefined
                  ? '—'
                  : format.number(rate.rate, { style: 'percent', maximumFractionDigits: 0 })
              }
              hint={
                rate.rate === undefined
                  ? t('dashboard.winRateNone')
                  : t('dashboard.winRateHint', { won: rate.won, closed: rate.closed })
              }
            />
            <StatCard
              icon={<Target />}
              label={t('dashboard.closingThisMonth')}
              value={whole(closingInCurrency.reduce((sum, deal) => sum + deal.amount, 0))}
              hint={t('dashboard.closingHint', {
                count: closing.length,
                date: format.date(endOfMonth(today)),
              })}
            />
            <StatCard
              icon={<CalendarClock />}
              label={t('dashboard.dueToday')}
              value={format.number(activities.length)}
              hint={
                overdueCount ? t('dashboard.overdue', { count: overdueCount }) : t('dashboard.nothingOverdue')
              }
              tone={overdueCount ? 'danger' : undefined}
            />
          </section>
          <div className="grid gap-4 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
            <Card>
              <CardHeader>
                <CardTitle>
                  <h2>{t('dashboard.byStage')}</h2>
                </CardTitle>
                <CardDescription>
                  {t('dashboard.byStageDescription', { currency, pipeline: pipelineName })}
                </CardDescription>
                {pipelineOptions.length > 1 && (
                  <CardAction>
                    <OptionSelect
                      size="sm"
                      aria-label={t('dashboard.pipeline')}
                      data-slot="pipeline"
                      value={pipelineId}
                      onValueChange={setPipelineChoice}
                      options={pipelineOptions.map((pipeline) => ({
                        value: pipeline.id,
                        label: pipeline.name,
                      }))}
                    />
                  </CardAction>
                )}
              </CardHeader>
              <CardContent>
                {byStage.some((stage) => stage.count > 0) ? (
                  <StageValueChart stages={byStage} currency={currency} />
                ) : (
                  <p className="py-10 text-center text-muted-foreground text-sm">
                    {t('dashboard.byStageEmpty', { currency })}
                  </p>
                )}
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>
                  <h2>{t('dashboard.outcomes')}</h2>
                </CardTitle>
                <CardDescription>{t('dashboard.outcomesDescription')}</CardDescription>
              </CardHeader>
              <CardContent>
                <OutcomesChart months={outcomes} />
              </CardContent>
            </Card>
          </div>
          <div className="grid gap-4 lg:grid-cols-2">
            <Card>
              <CardHeader>
                <CardTitle>
                  <h2>{t('dashboard.closing')}</h2>
                </CardTitle>
                <CardDescription>
                  {t('dashboard.closingHint', {
                    count: closing.length,
                    date: format.date(endOfMonth(today)),
                  })}
                </CardDescription>
                <CardAction>
                  <Button variant="ghost" size="sm" asChild>
                    <Link
                      to={`deals?filter[status][eq]=open&filter[expectedCloseDate][lte]=${endOfMonth(today)}&sort=expectedCloseDate`}
                    >
                      {t('dashboard.viewAll')}
                    </Link>
                  </Button>
                </CardAction>
              </CardHeader>
              <CardContent>
                {closing.length ? (
                  <ul className="divide-y" data-slot="closing-deals">
                    {closing.slice(0, 8).map((deal) => (
                      <li key={deal.id} className="flex items-center gap-3 py-2.5 text-sm">
                        <Link
                          to={`deals/${encodeURIComponent(deal.id)}`}
                          className="min-w-0 flex-1 truncate font-medium hover:underline"
                        >
                          {deal.title}
                        </Link>
                        <span className="text-muted-foreground">
                          {format.date(deal.expectedCloseDate ?? '')}
                        </span>
                        <span className="w-28 text-end tabular-nums">
                          {format.money(deal.amount, deal.currency)}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="py-6 text-center text-muted-foreground text-sm">
                    {t('dashboard.closingEmpty')}
                  </p>
                )}
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>
                  <h2>{t('dashboard.today')}</h2>
                </CardTitle>
                <CardDescription>
                  {overdueCount
                    ? t('dashboard.overdue', { count: overdueCount })
                    : t('dashboard.nothingOverdue')}
                </CardDescription>
                <CardAction>
                  <Button variant="ghost" size="sm" asChild>
                    <Link to={`activities?filter[dueDate][eq]=${today}&filter[done][eq]=false&sort=dueTime`}>
                      {t('dashboard.viewAll')}
                    </Link>
                  </Button>
                </CardAction>
              </CardHeader>
              <CardContent>
                {activities.length ? (
                  <ul className="divide-y" data-slot="due-today">
                    {activities.slice(0, 8).map((activity) => {
                      const id = String(activity.id);
                      const subject = String(activity.subject ?? '');
                      return (
                        <li key={id} className="flex items-center gap-3 py-2.5 text-sm">
                          <Checkbox
                            checked={activity.done === true}
                            aria-label={t('timeline.markDone', { subject })}
                            onCheckedChange={() =>
                              toggleDone.mutate({
                                id,
                                version: Number(activity.version),
                                done: activity.done === true,
                              })
                            }
                          />
                          <Link
                            to={`activities/${encodeURIComponent(id)}`}
                            className="min-w-0 flex-1 truncate hover:underline"
                          >
                            {subject}
                          </Link>
                          <Badge variant="secondary">
                            {t(`activity.options.type.${String(activity.type)}`, {
                              defaultValue: String(activity.type),
                            })}
                          </Badge>
                          {typeof activity.dueTime === 'string' && (
                            <span className="w-12 text-end text-muted-foreground tabular-nums">
                              {activity.dueTime}
                            </span>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                ) : (
                  <p className="py-6 text-center text-muted-foreground text-sm">
                    {t('dashboard.todayEmpty')}
                  </p>
                )}
              </CardContent>
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
