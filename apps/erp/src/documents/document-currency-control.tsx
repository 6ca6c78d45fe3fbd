import { type CustomFieldControlProps, FieldControl } from '@codexion/web';
import { useEffect } from 'react';
import { useFormContext } from 'react-hook-form';
import { useCompany } from './use-company.js';

/**
 * A document's currency, the company's base currency until the user says otherwise: a new
 * document's empty currency takes it once the settings have loaded (a stored one is never
 * empty). What `EntityOptions.fieldControls` names for the invoices' `currency`.
 */
export function DocumentCurrencyControl({ entity, field, required }: CustomFieldControlProps) {
  const { getValues, setValue } = useFormContext();
  const { settings } = useCompany();
  const base = typeof settings?.baseCurrency === 'string' ? settings.baseCurrency : undefined;
  useEffect(() => {
    if (base !== undefined && !getValues(field.path)) setValue(field.path, base, { shouldDirty: true });
  }, [base, field.path, getValues, setValue]);
  return <FieldControl entity={entity} field={field} {...(required === undefined ? {} : { required })} />;
}
