import {
  Button,
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@codexion/resources';
import { Columns3 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { EntityConfig } from '../entity/define-entities.js';
import { entityFields } from '../entity/field-model.js';
import { useEntityText } from '../i18n/use-entity-text.js';

export interface ColumnChooserProps {
  entity: EntityConfig;
  columns: string[];
  onColumnsChange: (columns: string[]) => void;
}

/**
 * Shows or hides a list's columns. A column switched on goes where the schema has it among the
 * shown ones, so the order stays predictable.
 *
 * @example
 * <ColumnChooser entity={account} columns={columns} onColumnsChange={setColumns} />
 */
export function ColumnChooser({ entity, columns, onColumnsChange }: ColumnChooserProps) {
  const { t } = useTranslation('codexion');
  const text = useEntityText(entity);
  const fields = entityFields(entity).filter((field) => !field.hidden && field.widget !== 'json');
  const order = fields.map((field) => field.name);
  const insert = (name: string) => {
    // after the last shown column that comes before it in the schema; the others keep their order
    const rank = order.indexOf(name);
    let at = 0;
    columns.forEach((column, index) => {
      if (order.indexOf(column) < rank) at = index + 1;
    });
    return [...columns.slice(0, at), name, ...columns.slice(at)];
  };
  const toggle = (name: string, on: boolean) => {
    const next = on ? insert(name) : columns.filter((column) => column !== name);
    // keep at least one column: an empty table reads as "no data"
    if (next.length > 0) onColumnsChange(next);
  };
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm">
          <Columns3 aria-hidden="true" />
          {t('columns.button')}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="max-h-96 w-56 overflow-y-auto">
        <DropdownMenuLabel>{t('columns.title')}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {fields.map((field) => (
          <DropdownMenuCheckboxItem
            key={field.name}
            checked={columns.includes(field.name)}
            onCheckedChange={(checked) => toggle(field.name, checked === true)}
            onSelect={(event) => event.preventDefault()}
          >
            {text.field(field)}
          </DropdownMenuCheckboxItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
