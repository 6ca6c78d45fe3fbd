import { FormField, OptionSelect } from '@codexion/resources';
import {
  type CustomFieldControlProps,
  type DraftValues,
  useApi,
  useEntityText,
  useTranslation,
} from '@codexion/web';
import { useQuery } from '@tanstack/react-query';
import { useController, useFormContext, useWatch } from 'react-hook-form';
import { getProduct } from '../../core/generated/client/sdk.gen.js';
import type { OptionValue } from '../../core/generated/client/types.gen.js';
import { draftItems, messageAt } from './draft-json.js';

/**
 * A variant's option values as a merchant picks them (`EntityOptions.fieldControls` of
 * `optionValues`): one select per option of the chosen product, offering that option's values;
 * each choice is stored as `{ option, value }` in the product's option order. The issues the form
 * or the server place on `optionValues…` show under the selects.
 */
export function OptionValuesControl({ entity, field }: CustomFieldControlProps) {
  const { t } = useTranslation('ecommerce');
  const text = useEntityText(entity);
  const { client } = useApi();
  const { control, formState } = useFormContext<DraftValues>();
  const { field: input } = useController({ control, name: field.path });
  const productId = useWatch({ control, name: 'productId' });
  const product = useQuery({
    queryKey: ['ecommerce', 'variant-form', 'product', productId],
    enabled: typeof productId === 'string' && productId !== '',
    queryFn: async ({ signal }) =>
      (await getProduct({ client, path: { id: String(productId) }, signal, throwOnError: true })).data,
  });
  const options = product.data?.options ?? [];
  const chosen = draftItems<OptionValue>(input.value);
  const pickedValue = (name: string) => chosen.find((entry) => entry.option === name)?.value;
  const choose = (name: string, value: string) => {
    const next = options.flatMap((option) => {
      const picked = option.name === name ? value : pickedValue(option.name);
      return picked === undefined ? [] : [{ option: option.name, value: picked }];
    });
    input.onChange(JSON.stringify(next));
  };
  const error = messageAt(formState.errors, field.path);

  return (
    <fieldset className="grid gap-4 sm:col-span-2 sm:grid-cols-3" data-slot="option-values">
      <legend className="mb-2 text-sm font-medium">{text.field(field)}</legend>
      {options.length === 0 && (
        <p className="text-muted-foreground text-sm sm:col-span-3">
          {productId ? t('optionValues.noOptions') : t('optionValues.pickProduct')}
        </p>
      )}
      {options.map((option, index) => (
        <FormField
          key={option.name}
          label={option.name}
          error={messageAt(formState.errors, `${field.path}.${index}.value`)}
        >
          <OptionSelect
            value={pickedValue(option.name)}
            onValueChange={(value) => choose(option.name, value)}
            placeholder={t('optionValues.choose')}
            options={option.values.map((value) => ({ value, label: value }))}
          />
        </FormField>
      ))}
      {error && (
        <p role="alert" className="text-destructive text-sm sm:col-span-3">
          {error}
        </p>
      )}
    </fieldset>
  );
}
