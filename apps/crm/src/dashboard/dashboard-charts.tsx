import { chartTokens, chartTooltipStyle, VisuallyHidden } from '@codexion/resources';
import { useFormatters, useTranslation } from '@codexion/web';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { MonthOutcome, StageValue } from './dashboard-figures.js';

/** Chart colours are the design system's roles, so light and dark follow the theme. */
const tokens = {
  bar: chartTokens.primary,
  won: chartTokens.success,
  lost: chartTokens.danger,
  grid: chartTokens.grid,
  text: chartTokens.text,
} as const;
const tooltipStyle = chartTooltipStyle;

/**
 * Open value per stage as horizontal bars (stage names read left to right, however long), with
 * the same figures as a table for screen readers.
 */
export function StageValueChart({ stages, currency }: { stages: StageValue[]; currency: string }) {
  const { t } = useTranslation('crm');
  const format = useFormatters();
  const compact = (minor: number) => format.compactMoney(minor, currency);
  return (
    <figure data-slot="stage-value-chart" className="m-0">
      <div aria-hidden="true" style={{ height: Math.max(180, stages.length * 44 + 40) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            accessibilityLayer={false}
            data={stages}
            layout="vertical"
            margin={{ top: 4, right: 56, bottom: 4, left: 8 }}
          >
            <CartesianGrid horizontal={false} stroke={tokens.grid} strokeDasharray="3 3" />
            <XAxis
              type="number"
              tickFormatter={compact}
              stroke={tokens.grid}
              tick={{ fill: tokens.text, fontSize: 12 }}
            />
            <YAxis
              type="category"
              dataKey="name"
              width={120}
              stroke={tokens.grid}
              tick={{ fill: tokens.text, fontSize: 12 }}
            />
            <Tooltip
              {...tooltipStyle}
              formatter={(value, _name, item) => [
                `${format.money(Number(value), currency)} · ${t('dashboard.deals', { count: (item.payload as StageValue).count })}`,
                t('dashboard.openValue'),
              ]}
            />
            <Bar
              dataKey="value"
              fill={tokens.bar}
              radius={[0, 4, 4, 0]}
              maxBarSize={28}
              isAnimationActive={false}
            >
              <LabelList
                dataKey="value"
                position="right"
                formatter={(value) => (Number(value) > 0 ? compact(Number(value)) : '')}
                style={{ fill: tokens.text, fontSize: 12 }}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <VisuallyHidden asChild>
        <table>
          <caption>{t('dashboard.byStage')}</caption>
          <tbody>
            {stages.map((stage) => (
              <tr key={stage.stageId}>
                <th scope="row">{stage.name}</th>
                <td>{format.money(stage.value, currency)}</td>
                <td>{t('dashboard.deals', { count: stage.count })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </figure>
  );
}

/** Won and lost deals per month, side by side, with a table for screen readers. */
export function OutcomesChart({ months }: { months: MonthOutcome[] }) {
  const { t } = useTranslation('crm');
  const format = useFormatters();
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(format.locale, { month: 'short', timeZone: 'UTC' }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
  const data = months.map((month) => ({ ...month, label: monthName(month.month) }));
  return (
    <figure data-slot="outcomes-chart" className="m-0">
      <div aria-hidden="true" className="h-64">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            accessibilityLayer={false}
            data={data}
            margin={{ top: 4, right: 4, bottom: 4, left: -20 }}
          >
            <CartesianGrid vertical={false} stroke={tokens.grid} strokeDasharray="3 3" />
            <XAxis dataKey="label" stroke={tokens.grid} tick={{ fill: tokens.text, fontSize: 12 }} />
            <YAxis allowDecimals={false} stroke={tokens.grid} tick={{ fill: tokens.text, fontSize: 12 }} />
            <Tooltip {...tooltipStyle} />
            <Legend
              itemSorter={null}
              wrapperStyle={{ fontSize: 12, color: tokens.text }}
              iconType="circle"
              iconSize={8}
            />
            <Bar
              dataKey="won"
              name={t('dashboard.won')}
              fill={tokens.won}
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
            />
            <Bar
              dataKey="lost"
              name={t('dashboard.lost')}
              fill={tokens.lost}
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <VisuallyHidden asChild>
        <table>
          <caption>{t('dashboard.outcomes')}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{t('dashboard.won')}</th>
              <th scope="col">{t('dashboard.lost')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((month) => (
              <tr key={month.month}>
                <th scope="row">{month.label}</th>
                <td>{month.won}</td>
                <td>{month.lost}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </figure>
  );
}
