import { FormField, Input } from '@codexion/resources';
import { type CustomFieldControlProps, parseDecimal, useFormatters, useTranslation } from '@codexion/web';
import { useState } from 'react';
import { Controller, useFormContext } from 'react-hook-form';

/** Nano units (the stored `rateNano`) per one unit of the rate. */
const nano = 1_000_000_000;

/** A rate as the user reads it: `1082500000` → `1.0825` (`1,0825` with a decimal comma). */
export function rateText(nanoText: string, separator: string): string {
  const value = Number(nanoText.replace(separator, '.'));
  if (nanoText.trim() === '' || !Number.isFinite(value)) return nanoText;
  const text = String(Number((value / nano).toFixed(9)));
  return separator === '.' ? text : text.replace('.', separator);
}

/** What the form holds for a typed rate: its nano units as text, or the text itself when it is no number. */
export function nanoText(rate: string, separator: string): string {
  if (rate.trim() === '') return '';
  const parsed = parseDecimal(rate, separator);
  return parsed === undefined ? rate : String(Math.round(parsed * nano));
}

/**
 * A document's exchange rate as the user reads it — base-currency units per unit of the document's
 * currency, `1.0825` — while the record keeps it as `rateNano` (times 10⁹, an integer). What
 * `EntityOptions.fieldControls` names for `rateNano`; a rate that is no number is refused like
 * any other number field's.
 */
export function ExchangeRateControl({ field, required = field.required }: CustomFieldControlProps) {
  const { t } = useTranslation('erp');
  const { decimalSeparator } = useFormatters();
  const { control, getFieldState, formState } = useFormContext();
  const error = getFieldState(field.path, formState).error?.message;
  // what the user typed, kept as typed (1.10 stays 1.10); the form holds its nano units
  const [typed, setTyped] = useState<string>();
  return (
    <Controller
      control={control}
      name={field.path}
      render={({ field: input }) => (
        <FormField
          label={t('documents.exchangeRate')}
          description={t('documents.exchangeRateHelp')}
          error={error}
          required={required}
        >
          <Input
            name={input.name}
            ref={input.ref}
            inputMode="decimal"
            value={typed ?? rateText(typeof input.value === 'string' ? input.value : '', decimalSeparator)}
            onBlur={input.onBlur}
            onChange={(event) => {
              setTyped(event.target.value);
              input.onChange(nanoText(event.target.value, decimalSeparator));
            }}
          />
        </FormField>
      )}
    />
  );
}
