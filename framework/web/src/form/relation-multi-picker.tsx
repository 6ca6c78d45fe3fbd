import {
  Badge,
  Command,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
  cn,
  controlClassName,
  Popover,
  PopoverContent,
  PopoverTrigger,
} from '@codexion/resources';
import { useQuery } from '@tanstack/react-query';
import { Check, ChevronsUpDown, X } from 'lucide-react';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-provider.js';
import type { EntityConfig } from '../entity/define-entities.js';
import { useEntityText } from '../i18n/use-entity-text.js';
import { callResource } from '../resource/call-resource.js';
import { parsePage, resourceKeys } from '../resource/resource-queries.js';

export interface RelationMultiPickerProps extends Omit<ComponentProps<'button'>, 'value' | 'onChange'> {
  /** the entity the ids point at (tags) */
  target: EntityConfig;
  value: string[];
  onChange: (value: string[]) => void;
}

/**
 * Picks several records of a small vocabulary (tags) by name: the chosen ones as removable badges,
 * the rest in a searchable list. Reads up to 200 records of the target once.
 *
 * @example
 * <RelationMultiPicker target={crm.entity('tag')} value={tagIds} onChange={setTagIds} />
 */
export function RelationMultiPicker({
  target,
  value,
  onChange,
  className,
  disabled,
  ...props
}: RelationMultiPickerProps) {
  const { t } = useTranslation('codexion');
  const text = useEntityText(target);
  const { client, baseUrl } = useApi();
  const all = useQuery({
    queryKey: resourceKeys.list(baseUrl, target.resource, 'picker:200'),
    queryFn: async ({ signal }) => {
      const { data } = await callResource(target, 'list', {
        client,
        query: { pageSize: 200, sort: target.titleField },
        signal,
      });
      return parsePage(data).items.map((item) => ({
        value: String(item[target.primaryKey]),
        label: String(item[target.titleField] ?? item[target.primaryKey]),
      }));
    },
    staleTime: 60_000,
  });
  const options = all.data ?? [];
  const labelOf = (id: string) => options.find((option) => option.value === id)?.label ?? id;
  const toggle = (id: string) =>
    onChange(value.includes(id) ? value.filter((chosen) => chosen !== id) : [...value, id]);
  return (
    <div data-slot="relation-multi-picker" className="grid gap-2">
      <Popover>
        <PopoverTrigger asChild>
          <button
            type="button"
            disabled={disabled}
            className={cn(
              controlClassName,
              'flex h-auto min-h-9 items-center gap-2 px-3 py-1.5 text-start',
              className,
            )}
            {...props}
          >
            <span className={cn('flex-1 truncate', !value.length && 'text-muted-foreground')}>
              {value.length
                ? t('relation.chosen', { count: value.length })
                : t('relation.placeholderMany', { entities: text.plural })}
            </span>
            <ChevronsUpDown aria-hidden="true" className="size-4 opacity-50" />
          </button>
        </PopoverTrigger>
        <PopoverContent className="w-(--radix-popover-trigger-width) min-w-56 p-0" align="start">
          <Command label={text.plural}>
            <CommandInput placeholder={t('relation.search', { entities: text.plural })} />
            <CommandList>
              <CommandEmpty>{all.isPending ? t('relation.loading') : t('relation.empty')}</CommandEmpty>
              <CommandGroup>
                {options.map((option) => {
                  const chosen = value.includes(option.value);
                  return (
                    <CommandItem
                      key={option.value}
                      value={option.label}
                      keywords={[option.value]}
                      data-checked={chosen || undefined}
                      onSelect={() => toggle(option.value)}
                    >
                      <Check aria-hidden="true" className={cn('size-4', !chosen && 'invisible')} />
                      {option.label}
                    </CommandItem>
                  );
                })}
              </CommandGroup>
            </CommandList>
          </Command>
        </PopoverContent>
      </Popover>
      {value.length > 0 && (
        <ul className="flex flex-wrap gap-1" aria-label={text.plural}>
          {value.map((id) => (
            <li key={id}>
              <Badge variant="secondary" className="gap-1 pe-1">
                {labelOf(id)}
                <button
                  type="button"
                  disabled={disabled}
                  className="rounded-sm opacity-70 hover:opacity-100 focus-visible:outline-2 focus-visible:outline-ring"
                  aria-label={t('tags.remove', { tag: labelOf(id) })}
                  onClick={() => toggle(id)}
                >
                  <X aria-hidden="true" className="size-3" />
                </button>
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
