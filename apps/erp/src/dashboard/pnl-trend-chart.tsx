import { chartTokens, chartTooltipStyle, VisuallyHidden } from '@codexion/resources';
import { useFormatters, useTranslation } from '@codexion/web';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useMoney } from '../documents/use-money.js';

/** One month of the P&L trend, in minor units of the base currency. */
export interface PnlMonth {
  month: string;
  income: number;
  expense: number;
  netResult: number;
}

/** Chart colours are the design system's roles, so light and dark follow the theme. */
const tokens = {
  income: chartTokens.success,
  expense: chartTokens.danger,
  net: chartTokens.primary,
  grid: chartTokens.grid,
  text: chartTokens.text,
} as const;

/**
 * Income and expense per month as bars and the net result as a line, with the same figures as a
 * table for screen readers.
 */
export function PnlTrendChart({ months, currency }: { months: readonly PnlMonth[]; currency: string }) {
  const { t } = useTranslation('erp');
  const format = useFormatters();
  const money = useMoney();
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(format.locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
  const data = months.map((month) => ({ ...month, label: monthName(month.month) }));
  const names = {
    income: t('dashboard.income'),
    expense: t('dashboard.expense'),
    netResult: t('dashboard.netResult'),
  };
  return (
    <figure data-slot="pnl-trend-chart" className="m-0">
      <div aria-hidden="true" className="h-72">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            accessibilityLayer={false}
            data={data}
            margin={{ top: 4, right: 8, bottom: 4, left: 8 }}
          >
            <CartesianGrid vertical={false} stroke={tokens.grid} strokeDasharray="3 3" />
            <XAxis dataKey="label" stroke={tokens.grid} tick={{ fill: tokens.text, fontSize: 12 }} />
            <YAxis
              width={64}
              tickFormatter={(value) => format.compactMoney(Number(value), currency)}
              stroke={tokens.grid}
              tick={{ fill: tokens.text, fontSize: 12 }}
            />
            <Tooltip
              {...chartTooltipStyle}
              formatter={(value, name) => [
                money(Number(value), currency),
                names[name as keyof typeof names] ?? name,
              ]}
            />
            <Legend
              formatter={(name) => names[name as keyof typeof names] ?? name}
              wrapperStyle={{ fontSize: 12, color: tokens.text }}
              iconType="circle"
              iconSize={8}
            />
            <Bar
              dataKey="income"
              fill={tokens.income}
              radius={[4, 4, 0, 0]}
              maxBarSize={24}
              isAnimationActive={false}
            />
            <Bar
              dataKey="expense"
              fill={tokens.expense}
              radius={[4, 4, 0, 0]}
              maxBarSize={24}
              isAnimationActive={false}
            />
            <Line
              dataKey="netResult"
              stroke={tokens.net}
              strokeWidth={2}
              dot={{ r: 3, fill: tokens.net }}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <VisuallyHidden asChild>
        <table>
          <caption>{t('dashboard.trend')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.month')}</th>
              <th scope="col">{names.income}</th>
              <th scope="col">{names.expense}</th>
              <th scope="col">{names.netResult}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((month) => (
              <tr key={month.month}>
                <th scope="row">{month.label}</th>
                <td>{money(month.income, currency)}</td>
                <td>{money(month.expense, currency)}</td>
                <td>{money(month.netResult, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </figure>
  );
}
