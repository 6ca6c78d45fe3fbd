import type { ReactNode } from 'react';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  type SelectTriggerProps,
  SelectValue,
} from './select.js';

/** One choice of an {@link OptionSelect}. */
export interface SelectOption {
  value: string;
  label: ReactNode;
  disabled?: boolean;
}

export interface OptionSelectProps
  extends Omit<SelectTriggerProps, 'children' | 'value' | 'defaultValue' | 'dir'> {
  options: readonly SelectOption[];
  value: string | undefined;
  onValueChange: (value: string) => void;
  /** shown while no value is chosen */
  placeholder?: ReactNode;
  disabled?: boolean;
}

/**
 * A {@link Select} over a list of options: the one shape of a short pick, its trigger taking the
 * remaining props (`aria-label`, `size`, `className`, FormField's control props).
 *
 * @example
 * <OptionSelect aria-label="Currency" value={currency} onValueChange={setCurrency}
 *   options={[{ value: 'EUR', label: 'EUR' }, { value: 'USD', label: 'USD' }]} />
 */
export function OptionSelect({
  options,
  value,
  onValueChange,
  placeholder,
  disabled,
  ...trigger
}: OptionSelectProps) {
  return (
    <Select value={value} onValueChange={onValueChange} disabled={disabled}>
      <SelectTrigger {...trigger}>
        <SelectValue placeholder={placeholder} />
      </SelectTrigger>
      <SelectContent>
        {options.map((option) => (
          <SelectItem key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
