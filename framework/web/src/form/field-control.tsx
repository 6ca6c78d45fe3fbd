import {
  DatePicker,
  type FormControlProps,
  FormField,
  Input,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Switch,
  Textarea,
} from '@codexion/resources';
import { Controller, type FieldError, type FieldErrors, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { EntityCatalog, EntityConfig } from '../entity/define-entities.js';
import type { DraftValues } from '../entity/draft-values.js';
import type { FieldModel } from '../entity/field-model.js';
import { type EntityText, useEntityText } from '../i18n/use-entity-text.js';
import { parseDecimal } from '../locale/create-formatters.js';
import { useFormatters } from '../locale/locale-provider.js';
import { RelationMultiPicker } from './relation-multi-picker.js';
import { RelationPicker } from './relation-picker.js';
import { TagsInput } from './tags-input.js';

export interface FieldControlProps {
  entity: EntityConfig;
  field: FieldModel;
  /** required, as the mode sees it (edit mode shows the same stars as create) */
  required?: boolean;
}

/** How a field's label and enum values read: an entity's catalog entries, or an action's. */
export type FieldText = Pick<EntityText, 'field' | 'option'>;

export interface SchemaFieldControlProps {
  field: FieldModel;
  text: FieldText;
  /** the app's entities, for relation pickers; without it a relation is a typed id */
  catalog?: EntityCatalog | undefined;
  required?: boolean;
}

/** `YYYY-MM-DD` ↔ a local-midnight `Date`, the day a date picker shows. */
function dayToDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}
function dateToDay(date: Date | null): string {
  if (!date) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function errorAt(errors: FieldErrors<DraftValues>, path: string): FieldError | undefined {
  let node: unknown = errors;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  return node && typeof node === 'object' ? firstError(node, '') : undefined;
}

/** The error at a node, or the first one inside it (`0.qty: …` inside a JSON field's value). */
function firstError(node: object, prefix: string): FieldError | undefined {
  if ('message' in node && typeof node.message === 'string') {
    const error = node as FieldError;
    return prefix ? { ...error, message: `${prefix}: ${error.message}` } : error;
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === 'ref' || !child || typeof child !== 'object') continue;
    const found = firstError(child, prefix ? `${prefix}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}

const noValue = '__none';

/** The suffix of a money or percent input: the currency code, or `%`. */
function Adorned({ children, suffix }: { children: React.ReactNode; suffix: string }) {
  return (
    <div className="relative">
      {children}
      <span
        aria-hidden="true"
        className="pointer-events-none absolute end-3 top-2 text-muted-foreground text-sm"
      >
        {suffix}
      </span>
    </div>
  );
}

/**
 * One field of an entity as a labelled form control, chosen by its widget, wired to the
 * surrounding react-hook-form and showing its error; labelled from the entity's catalog entries.
 *
 * @example
 * <FormProvider {...form}><FieldControl entity={opportunity} field={amountField} /></FormProvider>
 */
export function FieldControl({ entity, field, required = field.required }: FieldControlProps) {
  const text = useEntityText(entity);
  return <SchemaFieldControl field={field} text={text} catalog={entity.catalog} required={required} />;
}

/**
 * One field of any schema (an entity's, an action's input) as a labelled form control, its label
 * and options read through `text`.
 *
 * @example
 * <FormProvider {...form}><SchemaFieldControl field={reasonField} text={actionText} /></FormProvider>
 */
export function SchemaFieldControl({
  field,
  text,
  catalog,
  required = field.required,
}: SchemaFieldControlProps) {
  const { t } = useTranslation('codexion');
  const format = useFormatters();
  const { control, formState } = useFormContext<DraftValues>();
  const error = errorAt(formState.errors, field.path)?.message;
  const label = text.field(field);
  // a money field's schema speaks of minor units; the person types the amount as they say it
  const description = field.widget === 'money' ? undefined : field.help;
  const currencyValue = useWatch({
    control,
    name: field.currencyField ?? '__none__',
    disabled: !field.currencyField,
  });
  const currency =
    typeof currencyValue === 'string' && /^[A-Z]{3}$/.test(currencyValue) ? currencyValue : format.currency;

  if (field.widget === 'object') {
    return (
      <fieldset
        data-slot="field-group"
        className="grid gap-4 rounded-md border p-4 sm:col-span-2 sm:grid-cols-2"
      >
        <legend className="px-1 font-medium text-sm">{label}</legend>
        {field.fields.map((nested) => (
          <SchemaFieldControl key={nested.path} field={nested} text={text} catalog={catalog} />
        ))}
      </fieldset>
    );
  }

  const wide = field.widget === 'textarea' || field.widget === 'json' || field.widget === 'tags';
  return (
    <Controller
      control={control}
      name={field.path}
      render={({ field: input }) => {
        const stringValue = typeof input.value === 'string' ? input.value : '';
        const common = { name: input.name, onBlur: input.onBlur, ref: input.ref, disabled: input.disabled };
        const textProps = {
          ...common,
          value: stringValue,
          placeholder: field.placeholder,
          onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
            input.onChange(event.target.value),
        };
        let node: React.ReactElement | ((control: FormControlProps) => React.ReactNode);
        let orientation: 'vertical' | 'horizontal' = 'vertical';
        let hint = description;
        switch (field.widget) {
          case 'textarea':
            node = <Textarea rows={4} {...textProps} />;
            break;
          case 'json':
            node = <Textarea rows={6} spellCheck={false} className="font-mono text-xs" {...textProps} />;
            hint = description ?? t('form.jsonHint');
            break;
          case 'number':
            node = <Input inputMode="decimal" {...textProps} />;
            break;
          case 'money': {
            const amount = parseDecimal(stringValue, format.decimalSeparator);
            node = (control) => (
              <Adorned suffix={currency}>
                <Input
                  inputMode="decimal"
                  className="pe-14 text-end tabular-nums"
                  {...textProps}
                  {...control}
                />
              </Adorned>
            );
            // the amount as it will read everywhere else, so a misplaced separator shows at once
            if (amount !== undefined) hint = format.number(amount, { style: 'currency', currency });
            break;
          }
          case 'percent':
            node = (control) => (
              <Adorned suffix="%">
                <Input
                  inputMode="decimal"
                  className="pe-8 text-end tabular-nums"
                  {...textProps}
                  {...control}
                />
              </Adorned>
            );
            break;
          case 'date':
            node = (
              <DatePicker
                {...common}
                className="w-full"
                value={dayToDate(stringValue)}
                onValueChange={(date) => input.onChange(dateToDay(date))}
                locale={format.locale}
                placeholder={t('form.pickDate')}
              />
            );
            break;
          case 'datetime':
            node = <Input type="datetime-local" {...textProps} />;
            break;
          case 'email':
            node = <Input type="email" autoComplete="email" {...textProps} />;
            break;
          case 'url':
            node = <Input type="url" {...textProps} />;
            break;
          case 'phone':
            node = <Input type="tel" autoComplete="tel" {...textProps} />;
            break;
          case 'boolean':
            orientation = 'horizontal';
            node = (
              <Switch
                {...common}
                checked={input.value === true}
                onCheckedChange={(checked) => input.onChange(checked)}
              />
            );
            break;
          case 'tags': {
            const target = field.itemsRef ? catalog?.get(field.itemsRef) : undefined;
            const values = Array.isArray(input.value) ? input.value.map(String) : [];
            node = target
              ? (control) => (
                  <RelationMultiPicker
                    {...control}
                    ref={input.ref}
                    name={input.name}
                    disabled={input.disabled}
                    target={target}
                    value={values}
                    onChange={(ids) => {
                      input.onChange(ids);
                      input.onBlur();
                    }}
                  />
                )
              : (control) => (
                  <TagsInput
                    {...common}
                    {...control}
                    value={values}
                    onChange={(tags) => input.onChange(tags)}
                  />
                );
            break;
          }
          case 'enum':
            node = (control) => (
              <Select
                name={input.name}
                disabled={input.disabled}
                value={stringValue || (required ? '' : noValue)}
                onValueChange={(value) => {
                  input.onChange(value === noValue ? '' : value);
                  input.onBlur();
                }}
              >
                <SelectTrigger {...control} ref={input.ref} className="w-full">
                  <SelectValue placeholder={t('form.choose')} />
                </SelectTrigger>
                <SelectContent>
                  {!required && <SelectItem value={noValue}>{t('form.none')}</SelectItem>}
                  {field.enumValues.map((option) => (
                    <SelectItem key={option} value={option}>
                      {text.option(field, option)}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            );
            break;
          case 'relation': {
            const target = field.ref ? catalog?.get(field.ref) : undefined;
            node = target ? (
              (control) => (
                <RelationPicker
                  {...control}
                  ref={input.ref}
                  name={input.name}
                  disabled={input.disabled}
                  className="w-full"
                  target={target}
                  value={stringValue || null}
                  clearable={!required}
                  onValueChange={(value) => {
                    input.onChange(value ?? '');
                    input.onBlur();
                  }}
                />
              )
            ) : (
              // a relation to another app's entity: no list to search here, the id is typed
              <Input {...textProps} />
            );
            break;
          }
          default:
            node = <Input {...textProps} />;
        }
        return (
          <FormField
            label={label}
            description={hint}
            error={error}
            required={required}
            orientation={orientation}
            className={wide ? 'sm:col-span-2' : undefined}
          >
            {node}
          </FormField>
        );
      }}
    />
  );
}
