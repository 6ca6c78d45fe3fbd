import { CommandItem, CommandShortcut } from '@codexion/resources';
import type { ReactNode } from 'react';
import type { EntityConfig } from '../entity/define-entities.js';
import type { ResourceRecord } from '../resource/resource-queries.js';
import { describeHit } from './use-record-search.js';

export interface RecordHitItemProps {
  entity: EntityConfig;
  item: ResourceRecord;
  icon?: ReactNode;
  /** called with the record's id when it is chosen */
  onSelect: (id: string) => void;
}

/**
 * One search hit in a search dialog's list: its icon, its title and one more searched field (an
 * email, a domain) at the end.
 *
 * @example
 * {items.map((item) => <RecordHitItem key={String(item.id)} entity={deal} item={item} onSelect={open} />)}
 */
export function RecordHitItem({ entity, item, icon, onSelect }: RecordHitItemProps) {
  const { id, title, detail } = describeHit(entity, item);
  return (
    <CommandItem value={`${entity.app}:${entity.name}:${id}`} onSelect={() => onSelect(id)}>
      {icon}
      <span className="truncate">{title}</span>
      {detail && <CommandShortcut className="truncate tracking-normal">{detail}</CommandShortcut>}
    </CommandItem>
  );
}
