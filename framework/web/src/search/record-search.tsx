import { Button, CommandEmpty, CommandGroup, cn } from '@codexion/resources';
import { Search } from 'lucide-react';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApi } from '../api/api-provider.js';
import type { EntityConfig } from '../entity/define-entities.js';
import { RecordHitItem } from './record-hit-item.js';
import { SearchDialog } from './search-dialog.js';
import { useSearchHost } from './search-host.js';
import { useDebouncedValue, useRecordSearch } from './use-record-search.js';

export interface RecordSearchProps {
  /** the entities searched, in the order their groups are shown */
  entities: readonly EntityConfig[];
  /** an icon per entity name, shown before each hit */
  icons?: Partial<Record<string, ReactNode>>;
  /** the URL the module's routes hang under (`''` standalone, `/crm` in Cortex) */
  basePath?: string;
  /** hits per entity */
  limit?: number;
  /** the letter that opens it with Ctrl/⌘; `false` for none */
  hotkey?: string | false;
  className?: string;
}

/**
 * Search across several entities of an app at once (their lists' `?q=`), from a button in the top
 * bar or Ctrl/⌘+K: hits grouped by entity, arrows and Enter open a record's detail page. Inside a
 * shell with a search of its own (`SearchHostProvider`, Cortex's palette) it renders nothing: the
 * shell's search covers every app, and two search boxes side by side would read as two searches.
 *
 * @example
 * <RecordSearch entities={[crm.entity('company'), crm.entity('person'), crm.entity('deal')]} basePath="/crm" />
 */
export function RecordSearch(props: RecordSearchProps) {
  const host = useSearchHost();
  const { t } = useTranslation('codexion');
  const [open, setOpen] = useState(false);
  const { hotkey = 'k', className } = props;

  useEffect(() => {
    if (hotkey === false || host) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === hotkey) {
        event.preventDefault();
        setOpen((current) => !current);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [hotkey, host]);

  if (host) return null;
  return (
    <>
      <Button
        variant="outline"
        size="sm"
        data-slot="record-search-trigger"
        className={cn('w-40 justify-start gap-2 text-muted-foreground sm:w-56', className)}
        onClick={() => setOpen(true)}
      >
        <Search aria-hidden="true" />
        <span className="flex-1 text-start">{t('search.button')}</span>
        {hotkey !== false && (
          <kbd className="hidden rounded border bg-muted px-1.5 font-mono text-[0.7rem] sm:inline">
            Ctrl K
          </kbd>
        )}
      </Button>
      <RecordSearchDialog {...props} open={open} onOpenChange={setOpen} />
    </>
  );
}

function RecordSearchDialog({
  entities,
  icons = {},
  basePath = '',
  limit = 5,
  open,
  onOpenChange,
}: RecordSearchProps & { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation('codexion');
  const { t: tApp } = useTranslation(entities[0]?.app);
  const api = useApi();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 200);
  const sources = useMemo(() => entities.map((entity) => ({ entity, api })), [entities, api]);
  const { hits, loading } = useRecordSearch(sources, { q, limit, enabled: open });
  const plural = (entity: EntityConfig) => tApp(`${entity.name}.plural`, { defaultValue: entity.title });
  const placeholder = t('search.placeholder', {
    entities: entities.map((entity) => plural(entity)).join(', '),
  });

  const go = (entity: EntityConfig, id: string) => {
    onOpenChange(false);
    setText('');
    navigate(`${basePath}/${entity.resource}/${encodeURIComponent(id)}`);
  };

  return (
    <SearchDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('search.title')}
      slot="record-search"
      text={text}
      onTextChange={setText}
      placeholder={placeholder}
      status={loading && t('search.loading')}
    >
      {!q && <p className="px-3 py-6 text-center text-muted-foreground text-sm">{t('search.hint')}</p>}
      {q && !loading && <CommandEmpty>{t('search.empty', { q })}</CommandEmpty>}
      {hits.map(({ entity, items }) => (
        <CommandGroup key={entity.name} heading={plural(entity)}>
          {items.map((item) => (
            <RecordHitItem
              key={String(item[entity.primaryKey])}
              entity={entity}
              item={item}
              icon={icons[entity.name]}
              onSelect={(id) => go(entity, id)}
            />
          ))}
        </CommandGroup>
      ))}
    </SearchDialog>
  );
}
