import {
  Button,
  Command,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
  CommandLoading,
  CommandShortcut,
  cn,
  Dialog,
  DialogContent,
  DialogTitle,
  VisuallyHidden,
} from '@codexion/resources';
import { useQueries } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApi } from '../api/api-provider.js';
import type { EntityConfig } from '../entity/define-entities.js';
import { parsePage, resourceKeys } from '../resource/resource-queries.js';

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

/** Waits until typing pauses: one request per word, not per key. */
function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Search across several entities of an app at once (their lists' `?q=`), from a button in the top
 * bar or Ctrl/⌘+K: hits grouped by entity, arrows and Enter open a record's detail page.
 *
 * @example
 * <RecordSearch entities={[crm.entity('company'), crm.entity('person'), crm.entity('deal')]} basePath="/crm" />
 */
export function RecordSearch({
  entities,
  icons = {},
  basePath = '',
  limit = 5,
  hotkey = 'k',
  className,
}: RecordSearchProps) {
  const { t } = useTranslation('codexion');
  const { t: tApp } = useTranslation(entities[0]?.app);
  const { apiFetch, baseUrl } = useApi();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 200);

  useEffect(() => {
    if (hotkey === false) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === hotkey) {
        event.preventDefault();
        setOpen((current) => !current);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [hotkey]);

  const results = useQueries({
    queries: entities.map((entity) => ({
      queryKey: resourceKeys.list(baseUrl, entity.resource, `search:${limit}:${q}`),
      queryFn: async ({ signal }: { signal: AbortSignal }) => {
        const { data } = await apiFetch(`/${entity.resource}`, { query: { q, pageSize: limit }, signal });
        return parsePage(data).items;
      },
      enabled: open && q.length > 0,
      staleTime: 10_000,
    })),
  });
  const loading = results.some((result) => result.isFetching);
  const plural = (entity: EntityConfig) => tApp(`${entity.name}.plural`, { defaultValue: entity.title });
  const placeholder = t('search.placeholder', {
    entities: entities.map((entity) => plural(entity)).join(', '),
  });

  const go = (entity: EntityConfig, id: string) => {
    setOpen(false);
    setText('');
    navigate(`${basePath}/${entity.resource}/${encodeURIComponent(id)}`);
  };

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
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent
          data-slot="record-search"
          showCloseButton={false}
          aria-describedby={undefined}
          className="top-[15%] translate-y-0 overflow-hidden p-0 sm:max-w-xl"
        >
          <VisuallyHidden>
            <DialogTitle>{t('search.title')}</DialogTitle>
          </VisuallyHidden>
          <Command label={t('search.title')} shouldFilter={false} className="[&_[cmdk-item]]:py-2">
            <CommandInput value={text} onValueChange={setText} placeholder={placeholder} />
            <CommandList className="max-h-[min(60vh,420px)]">
              {loading && <CommandLoading>{t('search.loading')}</CommandLoading>}
              {!q && (
                <p className="px-3 py-6 text-center text-muted-foreground text-sm">{t('search.hint')}</p>
              )}
              {q && !loading && <CommandEmpty>{t('search.empty', { q })}</CommandEmpty>}
              {q &&
                entities.map((entity, index) => {
                  const items = results[index]?.data ?? [];
                  if (!items.length) return null;
                  const detailField = entity.annotations.search?.find((field) => field !== entity.titleField);
                  return (
                    <CommandGroup key={entity.name} heading={plural(entity)}>
                      {items.map((item) => {
                        const id = String(item[entity.primaryKey]);
                        const detail = detailField ? item[detailField] : undefined;
                        return (
                          <CommandItem
                            key={id}
                            value={`${entity.name}:${id}`}
                            onSelect={() => go(entity, id)}
                          >
                            {icons[entity.name]}
                            <span className="truncate">{String(item[entity.titleField] ?? id)}</span>
                            {typeof detail === 'string' && detail && (
                              <CommandShortcut className="truncate tracking-normal">{detail}</CommandShortcut>
                            )}
                          </CommandItem>
                        );
                      })}
                    </CommandGroup>
                  );
                })}
            </CommandList>
          </Command>
        </DialogContent>
      </Dialog>
    </>
  );
}
