import { Combobox, type ComboboxOption, type ComboboxProps } from '@codexion/resources';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-provider.js';
import type { EntityConfig } from '../entity/define-entities.js';
import { useEntityText } from '../i18n/use-entity-text.js';
import { callResource } from '../resource/call-resource.js';
import { parsePage, useRecordTitles } from '../resource/resource-queries.js';

export interface RelationPickerProps
  extends Omit<ComboboxProps, 'value' | 'onValueChange' | 'loadOptions' | 'options'> {
  /** the entity the relation points at */
  target: EntityConfig;
  value: string | null;
  onValueChange: (value: string | null) => void;
}

/**
 * Picks a related record by searching the target resource's list (`?q=`) as the user types;
 * shows the chosen record by its title field.
 *
 * @example
 * <RelationPicker target={sales.entity('account')} value={accountId} onValueChange={setAccountId} />
 */
export function RelationPicker({ target, value, onValueChange, ...props }: RelationPickerProps) {
  const { client } = useApi();
  const { t } = useTranslation('codexion');
  const text = useEntityText(target);
  const titles = useRecordTitles(target, value ? [value] : []);
  const loadOptions = useCallback(
    async (q: string, { signal }: { signal: AbortSignal }): Promise<ComboboxOption[]> => {
      const { data } = await callResource(target, 'list', { client, query: { q, pageSize: 20 }, signal });
      return parsePage(data).items.map((item) => ({
        value: String(item[target.primaryKey]),
        label: String(item[target.titleField] ?? item[target.primaryKey]),
      }));
    },
    [client, target],
  );
  const title = value ? titles.get(value) : undefined;
  return (
    <Combobox
      value={value}
      onValueChange={(next) => onValueChange(next)}
      loadOptions={loadOptions}
      selectedOption={value && title ? { value, label: title } : undefined}
      placeholder={t('relation.placeholder', { entity: text.title })}
      searchPlaceholder={t('relation.search', { entities: text.plural })}
      emptyText={t('relation.empty')}
      loadingText={t('relation.loading')}
      errorText={t('relation.error')}
      clearLabel={t('actions.clear')}
      {...props}
    />
  );
}
