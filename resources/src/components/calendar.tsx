import { ChevronLeftIcon, ChevronRightIcon } from 'lucide-react';
import type { ComponentProps } from 'react';
import { DayPicker } from 'react-day-picker';
import { cn } from '../lib/cn.js';
import { useUiStrings } from '../lib/ui-strings.js';
import { buttonVariants } from './button.js';

/* module level, so that React keeps one component type across renders */
function Chevron({
  orientation,
  className,
}: {
  orientation?: 'up' | 'down' | 'left' | 'right';
  className?: string;
}) {
  const Icon = orientation === 'left' ? ChevronLeftIcon : ChevronRightIcon;
  return <Icon className={cn('size-4 rtl:rotate-180', className)} aria-hidden="true" />;
}

export type CalendarProps = ComponentProps<typeof DayPicker> & {
  /** the accessible name of the "previous month" button */
  previousMonthLabel?: string;
  /** the accessible name of the "next month" button */
  nextMonthLabel?: string;
};

/**
 * A month calendar (react-day-picker) styled from the tokens. Arrow keys move between days,
 * PageUp/PageDown between months. Takes every DayPicker prop (`mode`, `selected`, `onSelect`,
 * `disabled`, `locale`…).
 *
 * @example
 * <Calendar mode="single" selected={date} onSelect={setDate} />
 */
export function Calendar({
  className,
  classNames,
  showOutsideDays = true,
  previousMonthLabel,
  nextMonthLabel,
  labels,
  components,
  ...props
}: CalendarProps) {
  const strings = useUiStrings();
  const previous = previousMonthLabel ?? strings.previousMonth;
  const next = nextMonthLabel ?? strings.nextMonth;
  return (
    <DayPicker
      data-slot="calendar"
      showOutsideDays={showOutsideDays}
      className={cn('w-fit p-3', className)}
      labels={{ labelPrevious: () => previous, labelNext: () => next, ...labels }}
      classNames={{
        months: 'relative flex flex-col gap-4 sm:flex-row',
        month: 'flex w-full flex-col gap-3',
        nav: 'absolute inset-x-0 top-0 flex w-full items-center justify-between',
        button_previous: cn(
          buttonVariants({ variant: 'ghost', size: 'icon-sm' }),
          'aria-disabled:opacity-50',
        ),
        button_next: cn(buttonVariants({ variant: 'ghost', size: 'icon-sm' }), 'aria-disabled:opacity-50'),
        month_caption: 'flex h-8 w-full items-center justify-center px-8',
        caption_label: 'select-none font-medium text-sm',
        month_grid: 'w-full border-collapse',
        weekdays: 'flex',
        weekday: 'w-8 select-none font-normal text-muted-foreground text-xs',
        week: 'mt-1 flex w-full',
        day: 'group/day relative size-8 select-none p-0 text-center text-sm',
        day_button:
          'inline-flex size-8 cursor-pointer items-center justify-center rounded-md outline-none transition-colors hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed',
        selected:
          '[&>button]:bg-primary [&>button]:text-primary-foreground [&>button]:hover:bg-primary/90 [&>button]:hover:text-primary-foreground',
        today: '[&>button]:font-semibold [&>button]:underline [&>button]:underline-offset-4',
        outside: 'text-muted-foreground',
        disabled: 'text-muted-foreground opacity-50',
        hidden: 'invisible',
        range_start: 'rounded-s-md bg-accent',
        range_middle: 'rounded-none bg-accent [&>button]:rounded-none',
        range_end: 'rounded-e-md bg-accent',
        ...classNames,
      }}
      components={{
        Chevron,
        ...components,
      }}
      {...props}
    />
  );
}
