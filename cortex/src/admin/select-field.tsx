import { FormField, OptionSelect, type SelectOption } from '@codexion/resources';
import type { ReactNode } from 'react';

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
        <OptionSelect
          {...control}
          className="w-full"
          value={value}
          onValueChange={onValueChange}
          disabled={disabled}
          options={options}
        />
      )}
    </FormField>
  );
}
