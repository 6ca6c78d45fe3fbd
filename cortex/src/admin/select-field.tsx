import {
  FormField,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '@codexion/resources';
import type { ReactNode } from 'react';

/** One choice of a {@link SelectField}. */
export interface SelectOption {
  value: string;
  label: ReactNode;
}

export interface SelectFieldProps {
  label: ReactNode;
  value: string;
  onValueChange: (value: string) => void;
  options: readonly SelectOption[];
  /** the server's (or the browser's) message for this field */
  error?: string;
  description?: ReactNode;
  required?: boolean;
  disabled?: boolean;
}

/**
 * A labelled pick from a short list, its error under it and wired to it for screen readers.
 *
 * @example
 * <SelectField label="Role" value={role} onValueChange={setRole} options={roles} error={errors.role} />
 */
export function SelectField({
  label,
  value,
  onValueChange,
  options,
  error,
  description,
  required = false,
  disabled = false,
}: SelectFieldProps) {
  return (
    <FormField label={label} error={error} description={description} required={required}>
      {(control) => (
        <Select value={value} onValueChange={onValueChange} disabled={disabled}>
          <SelectTrigger {...control} className="w-full">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {options.map((option) => (
              <SelectItem key={option.value} value={option.value}>
                {option.label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      )}
    </FormField>
  );
}
