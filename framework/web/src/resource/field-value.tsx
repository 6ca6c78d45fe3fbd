import { Badge, cn } from '@codexion/resources';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityConfig } from '../entity/define-entities.js';
import type { FieldModel } from '../entity/field-model.js';
import { useEntityText } from '../i18n/use-entity-text.js';
import { useFormatters } from '../locale/locale-provider.js';
import type { ResourceRecord } from './resource-queries.js';

export interface FieldValueProps extends ComponentProps<'span'> {
  entity: EntityConfig;
  field: FieldModel;
  record: ResourceRecord;
  /** titles of related records by id, for relation fields and arrays of references (tags) */
  titles?: ReadonlyMap<string, string>;
}

/** An embedded object in words: its longest value, the others in parentheses (`+33… (work)`). */
function readableObject(item: ResourceRecord): string {
  const parts = Object.values(item).filter(
    (part): part is string | number => (typeof part === 'string' && part !== '') || typeof part === 'number',
  );
  const main = [...parts].sort((a, b) => String(b).length - String(a).length)[0];
  const rest = parts.filter((part) => part !== main);
  return rest.length ? `${main} (${rest.join(', ')})` : String(main ?? '');
}

/**
 * One value of a record, formatted for reading in the user's locale: money with its currency,
 * percentages, dates in the tenant's time zone, enum values as badges, relations by their title.
 *
 * @example
 * <FieldValue entity={opportunity} field={amountField} record={deal} />
 */
export function FieldValue({ entity, field, record, titles, className, ...props }: FieldValueProps) {
  const format = useFormatters();
  const text = useEntityText(entity);
  const { t } = useTranslation('codexion');
  const value = field.path.includes('.')
    ? (record[field.path.split('.')[0] ?? ''] as ResourceRecord | undefined)?.[field.name]
    : record[field.name];
  const empty = (
    <span className={cn('text-muted-foreground', className)} {...props}>
      —
    </span>
  );
  if (value === null || value === undefined || value === '') return empty;
  const plain = (content: string) => (
    <span data-slot="field-value" className={className} {...props}>
      {content}
    </span>
  );
  switch (field.widget) {
    case 'money': {
      const currency = field.currencyField ? record[field.currencyField] : undefined;
      return typeof value === 'number'
        ? plain(format.money(value, typeof currency === 'string' ? currency : undefined))
        : plain(String(value));
    }
    case 'percent':
      return typeof value === 'number' ? plain(format.percent(value)) : plain(String(value));
    case 'number':
      return typeof value === 'number' ? plain(format.number(value)) : plain(String(value));
    case 'date':
      return plain(format.date(String(value)));
    case 'datetime':
      return plain(format.dateTime(String(value)));
    case 'boolean':
      return plain(value === true ? t('value.yes') : t('value.no'));
    case 'enum':
      return (
        <Badge variant="secondary" className={className} {...props}>
          {text.option(field, String(value))}
        </Badge>
      );
    case 'relation':
      return plain(titles?.get(String(value)) ?? String(value));
    case 'tags':
      return Array.isArray(value) && value.length ? (
        <span data-slot="field-value" className={cn('inline-flex flex-wrap gap-1', className)} {...props}>
          {value.map((tag) => (
            // a long tag (an image URL) wraps inside its column instead of widening the page on a phone
            <Badge key={String(tag)} variant="outline" className="max-w-full whitespace-normal break-all">
              {titles?.get(String(tag)) ?? String(tag)}
            </Badge>
          ))}
        </span>
      ) : (
        empty
      );
    case 'object':
      if (typeof value !== 'object') return plain(String(value));
      return plain(
        field.fields
          .map((nested) => (value as ResourceRecord)[nested.name])
          .filter((part) => part !== undefined && part !== null && part !== '')
          .join(', ') || '—',
      );
    case 'json':
      // a list of small objects (phone numbers) reads as text: "+33 1 23 45 67 89 (work), …"
      if (Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null)) {
        return plain(value.map((item) => readableObject(item as ResourceRecord)).join(', ') || '—');
      }
      return (
        <code data-slot="field-value" className={cn('font-mono text-xs', className)} {...props}>
          {JSON.stringify(value)}
        </code>
      );
    case 'email':
      return (
        <a
          data-slot="field-value"
          href={`mailto:${String(value)}`}
          className={cn('text-primary hover:underline', className)}
        >
          {String(value)}
        </a>
      );
    case 'url':
      return (
        <a
          data-slot="field-value"
          href={String(value)}
          target="_blank"
          rel="noreferrer"
          className={cn('text-primary hover:underline', className)}
        >
          {String(value)}
        </a>
      );
    default:
      return plain(String(value));
  }
}
