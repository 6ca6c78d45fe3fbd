import {
  Badge,
  Button,
  Input,
  Label,
  OptionSelect,
  Popover,
  PopoverContent,
  PopoverTrigger,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '@codexion/resources';
import { ListFilter as ListFilterIcon, X } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityConfig } from '../entity/define-entities.js';
import { entityFields, type FieldModel } from '../entity/field-model.js';
import { useEntityText } from '../i18n/use-entity-text.js';
import { type FilterOp, filterOpsFor, type ListFilter } from '../list/list-query.js';

export interface FilterMenuProps {
  entity: EntityConfig;
  filters: ListFilter[];
  onFiltersChange: (filters: ListFilter[]) => void;
}

function ValueInput({
  field,
  op,
  value,
  onChange,
  id,
  optionLabel,
}: {
  field: FieldModel;
  op: FilterOp;
  value: string;
  onChange: (value: string) => void;
  id: string;
  optionLabel: (value: string) => string;
}) {
  const { t } = useTranslation('codexion');
  if (op === 'isNull' || field.type === 'boolean') {
    return (
      <Select value={value} onValueChange={onChange}>
        <SelectTrigger id={id} className="w-full">
          <SelectValue placeholder={t('filters.value')} />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value="true">{t('value.yes')}</SelectItem>
          <SelectItem value="false">{t('value.no')}</SelectItem>
        </SelectContent>
      </Select>
    );
  }
  if (field.enumValues.length && op !== 'in') {
    return (
      <OptionSelect
        id={id}
        className="w-full"
        placeholder={t('filters.value')}
        value={value}
        onValueChange={onChange}
        options={field.enumValues.map((option) => ({ value: option, label: optionLabel(option) }))}
      />
    );
  }
  const type =
    op === 'in'
      ? 'text'
      : field.format === 'date'
        ? 'date'
        : field.format === 'date-time'
          ? 'datetime-local'
          : field.type === 'integer' || field.type === 'number'
            ? 'number'
            : 'text';
  return (
    <Input
      id={id}
      type={type}
      value={value}
      placeholder={op === 'in' ? t('filters.inPlaceholder') : t('filters.value')}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/**
 * "Add filter" for a list: pick a field, an operator the API offers for its type and a value;
 * active filters show as removable chips.
 *
 * @example
 * <FilterMenu entity={account} filters={query.filters} onFiltersChange={(filters) => setQuery({ ...query, filters })} />
 */
export function FilterMenu({ entity, filters, onFiltersChange }: FilterMenuProps) {
  const { t } = useTranslation('codexion');
  const text = useEntityText(entity);
  const ids = { field: useId(), op: useId(), value: useId() };
  const filterable = useMemo(
    () => entityFields(entity).filter((field) => !field.hidden && filterOpsFor(field).length > 0),
    [entity],
  );
  const [open, setOpen] = useState(false);
  const [fieldName, setFieldName] = useState('');
  const [op, setOp] = useState<FilterOp>('eq');
  const [value, setValue] = useState('');
  const field = filterable.find((candidate) => candidate.name === fieldName);
  const ops = field ? filterOpsFor(field) : [];

  const chooseField = (name: string) => {
    setFieldName(name);
    const chosen = filterable.find((candidate) => candidate.name === name);
    const first = chosen ? filterOpsFor(chosen) : [];
    setOp(first.includes('contains') ? 'contains' : (first[0] ?? 'eq'));
    setValue('');
  };
  const apply = () => {
    if (!field || (value === '' && op !== 'isNull')) return;
    onFiltersChange([
      ...filters,
      { field: field.name, op, value: op === 'isNull' && !value ? 'true' : value },
    ]);
    setOpen(false);
    setFieldName('');
    setValue('');
  };
  const describe = (filter: ListFilter) => {
    const target = filterable.find((candidate) => candidate.name === filter.field);
    const shown =
      filter.op === 'isNull'
        ? ''
        : target?.enumValues.length && filter.op !== 'in'
          ? text.option(target, filter.value)
          : filter.value;
    return `${target ? text.field(target) : filter.field} ${t(`filters.ops.${filter.op}`)} ${shown}`.trim();
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger asChild>
          <Button variant="outline" size="sm">
            <ListFilterIcon aria-hidden="true" />
            {t('filters.add')}
          </Button>
        </PopoverTrigger>
        <PopoverContent align="start" className="w-80">
          <form
            className="grid gap-3"
            onSubmit={(event) => {
              event.preventDefault();
              apply();
            }}
          >
            <div className="grid gap-1.5">
              <Label htmlFor={ids.field}>{t('filters.field')}</Label>
              <Select value={fieldName} onValueChange={chooseField}>
                <SelectTrigger id={ids.field} className="w-full">
                  <SelectValue placeholder={t('filters.chooseField')} />
                </SelectTrigger>
                <SelectContent>
                  {filterable.map((candidate) => (
                    <SelectItem key={candidate.name} value={candidate.name}>
                      {text.field(candidate)}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </div>
            {field && (
              <>
                <div className="grid gap-1.5">
                  <Label htmlFor={ids.op}>{t('filters.operator')}</Label>
                  <Select value={op} onValueChange={(next) => setOp(next as FilterOp)}>
                    <SelectTrigger id={ids.op} className="w-full">
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      {ops.map((candidate) => (
                        <SelectItem key={candidate} value={candidate}>
                          {t(`filters.ops.${candidate}`)}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                </div>
                <div className="grid gap-1.5">
                  <Label htmlFor={ids.value}>{t('filters.value')}</Label>
                  <ValueInput
                    id={ids.value}
                    field={field}
                    op={op}
                    value={value}
                    onChange={setValue}
                    optionLabel={(option) => text.option(field, option)}
                  />
                </div>
              </>
            )}
            <Button type="submit" size="sm" disabled={!field}>
              {t('filters.apply')}
            </Button>
          </form>
        </PopoverContent>
      </Popover>
      {filters.map((filter, index) => (
        <Badge
          key={`${filter.field}-${filter.op}-${filter.value}`}
          variant="secondary"
          className="gap-1 py-1 pe-1"
        >
          {describe(filter)}
          <button
            type="button"
            className="rounded-sm p-0.5 hover:bg-background/60"
            aria-label={t('filters.remove', { filter: describe(filter) })}
            onClick={() => onFiltersChange(filters.filter((_, other) => other !== index))}
          >
            <X aria-hidden="true" className="size-3" />
          </button>
        </Badge>
      ))}
    </div>
  );
}
