import { Button, FormField, Input } from '@codexion/resources';
import { type CustomFieldControlProps, type DraftValues, useEntityText, useTranslation } from '@codexion/web';
import { Plus, Trash2 } from 'lucide-react';
import { useController, useFormContext } from 'react-hook-form';
import type { ProductOption } from '../../core/generated/client/types.gen.js';
import { draftItems, messageAt } from './draft-json.js';

/** At most three options, as the schema says. */
const maxOptions = 3;

/**
 * A product's options as a merchant types them (`EntityOptions.fieldControls` of `options`): a
 * row per option with its name and its values separated by commas, rows added (up to three) and
 * removed; stored as `{ name, values }`. Issues on `options.<i>.name` or `.values` show on the row.
 */
export function ProductOptionsControl({ entity, field }: CustomFieldControlProps) {
  const { t } = useTranslation('ecommerce');
  const text = useEntityText(entity);
  const { control, formState } = useFormContext<DraftValues>();
  const { field: input } = useController({ control, name: field.path });
  const options = draftItems<ProductOption>(input.value);
  const write = (next: ProductOption[]) => input.onChange(JSON.stringify(next));
  const change = (index: number, patch: Partial<ProductOption>) =>
    write(options.map((option, i) => (i === index ? { ...option, ...patch } : option)));
  const valuesOf = (typed: string) =>
    typed
      .split(',')
      .map((value) => value.trim())
      .filter((value, i, all) => value !== '' && all.indexOf(value) === i);

  return (
    <fieldset className="grid gap-3 sm:col-span-2" data-slot="product-options">
      <legend className="mb-2 text-sm font-medium">{text.field(field)}</legend>
      {options.map((option, index) => (
        // rows are positions; a row added or removed remounts them all, so each input shows its row's values
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div key={`${options.length}-${index}`} className="grid items-end gap-3 sm:grid-cols-[1fr_2fr_auto]">
          <FormField
            label={t('productOptions.name', { n: index + 1 })}
            error={messageAt(formState.errors, `${field.path}.${index}.name`)}
          >
            <Input value={option.name} onChange={(event) => change(index, { name: event.target.value })} />
          </FormField>
          <FormField
            label={t('productOptions.values')}
            description={t('productOptions.valuesHelp')}
            error={messageAt(formState.errors, `${field.path}.${index}.values`)}
          >
            <Input
              defaultValue={option.values.join(', ')}
              onBlur={(event) => change(index, { values: valuesOf(event.target.value) })}
            />
          </FormField>
          <Button
            type="button"
            variant="outline"
            size="icon"
            aria-label={t('productOptions.remove', { name: option.name || index + 1 })}
            onClick={() => write(options.filter((_, i) => i !== index))}
          >
            <Trash2 aria-hidden="true" />
          </Button>
        </div>
      ))}
      {options.length < maxOptions && (
        <div>
          <Button
            type="button"
            variant="outline"
            onClick={() => write([...options, { name: '', values: [] }])}
          >
            <Plus aria-hidden="true" />
            {t('productOptions.add')}
          </Button>
        </div>
      )}
    </fieldset>
  );
}
