import { CalendarIcon } from 'lucide-react';
import { type ComponentProps, useState } from 'react';
import type { Matcher } from 'react-day-picker';
import { cn } from '../lib/cn.js';
import { useUiStrings } from '../lib/ui-strings.js';
import { Calendar } from './calendar.js';
import { useFormField } from './form-field.js';
import { controlClassName } from './input.js';
import { Popover, PopoverContent, PopoverTrigger } from './popover.js';

export interface DatePickerProps
  extends Omit<ComponentProps<'button'>, 'value' | 'defaultValue' | 'onChange' | 'children'> {
  /** the chosen day; `null` for none (controlled) */
  value?: Date | null;
  defaultValue?: Date | null;
  onValueChange?: (date: Date | null) => void;
  placeholder?: string;
  /** BCP 47 locale for the default formatting, e.g. 'de-DE' (the browser's by default) */
  locale?: string;
  /** how the trigger shows the date; `Intl.DateTimeFormat(locale, { dateStyle: 'medium' })` by default */
  formatDate?: (date: Date) => string;
  /** days that cannot be picked (react-day-picker matchers) */
  disabledDays?: Matcher | Matcher[];
  startMonth?: Date;
  endMonth?: Date;
  weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  /** the calendar's "previous month" / "next month" button names */
  previousMonthLabel?: string;
  nextMonthLabel?: string;
  contentClassName?: string;
}

/**
 * A date field: a button showing the date that opens a calendar in a popover; picking a day
 * closes it and focus returns to the button. Put `id` and aria props on it as on an input.
 *
 * @example
 * <DatePicker value={dueDate} onValueChange={setDueDate} placeholder="Due date" locale="en-GB" />
 */
export function DatePicker({
  value: valueProp,
  defaultValue = null,
  onValueChange,
  placeholder,
  locale,
  formatDate,
  disabledDays,
  startMonth,
  endMonth,
  weekStartsOn,
  previousMonthLabel,
  nextMonthLabel,
  className,
  contentClassName,
  disabled,
  // a button may not say it is required (axe aria-allowed-attr): the field's label says so
  'aria-required': _required,
  ...props
}: DatePickerProps) {
  const strings = useUiStrings();
  const field = useFormField();
  const [open, setOpen] = useState(false);
  const [uncontrolled, setUncontrolled] = useState<Date | null>(defaultValue);
  const value = valueProp !== undefined ? valueProp : uncontrolled;
  const format =
    formatDate ?? ((date: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date));

  const choose = (date: Date | undefined) => {
    const next = date ?? null;
    if (valueProp === undefined) setUncontrolled(next);
    onValueChange?.(next);
    setOpen(false);
  };

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild disabled={disabled}>
        <button
          type="button"
          data-slot="date-picker-trigger"
          aria-haspopup="dialog"
          className={cn(
            controlClassName,
            'flex h-9 cursor-pointer items-center justify-start gap-2 px-3 py-2 text-start',
            className,
          )}
          {...props}
        >
          <CalendarIcon className="size-4 shrink-0 opacity-60" aria-hidden="true" />
          <span className={cn('truncate', value === null && 'text-muted-foreground')}>
            {value === null ? (placeholder ?? strings.pickDate) : format(value)}
          </span>
        </button>
      </PopoverTrigger>
      <PopoverContent
        data-slot="date-picker-content"
        // the popover is a dialog: it takes the field's label, or the trigger's own
        aria-labelledby={field?.labelId}
        aria-label={
          field === undefined ? (props['aria-label'] ?? placeholder ?? strings.pickDate) : undefined
        }
        align="start"
        className={cn('w-auto p-0', contentClassName)}
      >
        <Calendar
          mode="single"
          selected={value ?? undefined}
          onSelect={choose}
          defaultMonth={value ?? undefined}
          disabled={disabledDays}
          startMonth={startMonth}
          endMonth={endMonth}
          weekStartsOn={weekStartsOn}
          previousMonthLabel={previousMonthLabel}
          nextMonthLabel={nextMonthLabel}
          autoFocus
        />
      </PopoverContent>
    </Popover>
  );
}
