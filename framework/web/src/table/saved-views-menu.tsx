import {
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
  Input,
  Label,
} from '@codexion/resources';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Bookmark, Plus, Trash2 } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListQuery } from '../list/list-query.js';
import type { SavedView, SavedViewStore } from '../list/saved-view-store.js';

export interface SavedViewsMenuProps {
  store: SavedViewStore;
  /** the key views are kept under, e.g. `sales:account` */
  resourceKey: string;
  query: ListQuery;
  columns: string[];
  onApply: (view: SavedView) => void;
}

/**
 * Saves the list's columns, sort, filters and search under a name, and brings them back.
 *
 * @example
 * <SavedViewsMenu store={localStorageViewStore()} resourceKey="sales:account" query={query} columns={columns} onApply={apply} />
 */
export function SavedViewsMenu({ store, resourceKey, query, columns, onApply }: SavedViewsMenuProps) {
  const { t } = useTranslation('codexion');
  const queryClient = useQueryClient();
  const inputId = useId();
  const key = ['codexion', 'views', resourceKey];
  const views = useQuery({ queryKey: key, queryFn: () => store.list(resourceKey) });
  const [active, setActive] = useState<SavedView | undefined>();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  const save = async () => {
    if (!name.trim()) return;
    const view = await store.save(resourceKey, { name: name.trim(), query, columns });
    setActive(view);
    setNaming(false);
    setName('');
    await queryClient.invalidateQueries({ queryKey: key });
  };
  const remove = async (view: SavedView) => {
    await store.remove(resourceKey, view.id);
    setActive(undefined);
    await queryClient.invalidateQueries({ queryKey: key });
  };

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm">
            <Bookmark aria-hidden="true" />
            {active ? active.name : t('views.button')}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-60">
          <DropdownMenuLabel>{t('views.title')}</DropdownMenuLabel>
          {(views.data ?? []).length === 0 && (
            <p className="px-2 py-1.5 text-muted-foreground text-sm">{t('views.none')}</p>
          )}
          {(views.data ?? []).map((view) => (
            <DropdownMenuItem
              key={view.id}
              onSelect={() => {
                setActive(view);
                onApply(view);
              }}
            >
              {view.name}
            </DropdownMenuItem>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setNaming(true)}>
            <Plus aria-hidden="true" />
            {t('views.save')}
          </DropdownMenuItem>
          {active && (
            <DropdownMenuItem variant="danger" onSelect={() => void remove(active)}>
              <Trash2 aria-hidden="true" />
              {t('views.delete', { name: active.name })}
            </DropdownMenuItem>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog open={naming} onOpenChange={setNaming}>
        <DialogContent closeLabel={t('actions.close')}>
          <form
            className="grid gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            <DialogHeader>
              <DialogTitle>{t('views.saveTitle')}</DialogTitle>
              <DialogDescription>{t('views.saveDescription')}</DialogDescription>
            </DialogHeader>
            <div className="grid gap-1.5">
              <Label htmlFor={inputId}>{t('views.name')}</Label>
              <Input id={inputId} value={name} onChange={(event) => setName(event.target.value)} autoFocus />
            </div>
            <DialogFooter>
              <Button variant="outline" onClick={() => setNaming(false)}>
                {t('actions.cancel')}
              </Button>
              <Button type="submit" disabled={!name.trim()}>
                {t('actions.save')}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
