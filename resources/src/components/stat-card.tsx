import type { ReactNode } from 'react';
import { cn } from '../lib/cn.js';
import { Card, CardContent, CardDescription, CardHeader } from './card.js';

export interface StatCardProps {
  /** an icon element, e.g. `<Landmark />` (decorative) */
  icon?: ReactNode;
  /** what the figure is; a heading, so a page's figures can be jumped through */
  label: ReactNode;
  /** the figure, formatted */
  value: ReactNode;
  /** a line under the figure: context, or a link to its details */
  hint?: ReactNode;
  /** `danger` when the hint says something is wrong (overdue work) */
  tone?: 'danger';
  className?: string;
}

/**
 * One headline figure of a dashboard: an icon and label, the figure large, a hint under it.
 *
 * @example
 * <StatCard icon={<Landmark />} label="Cash" value="€12,500.00" hint={<a href="reports">See the balance sheet</a>} />
 */
export function StatCard({ icon, label, value, hint, tone, className }: StatCardProps) {
  return (
    <Card className={cn('gap-2 py-4 sm:gap-3 sm:py-5', className)} data-slot="kpi">
      <CardHeader className="px-4 sm:px-5">
        <CardDescription className="flex items-center gap-2">
          {icon && (
            <span aria-hidden="true" className="text-muted-foreground [&>svg]:size-4">
              {icon}
            </span>
          )}
          <h2>{label}</h2>
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-1 px-4 sm:px-5">
        <p className="font-semibold text-xl tabular-nums tracking-tight sm:text-2xl">{value}</p>
        {hint && (
          <p
            className={cn('text-xs sm:text-sm', tone === 'danger' ? 'text-danger' : 'text-muted-foreground')}
          >
            {hint}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
