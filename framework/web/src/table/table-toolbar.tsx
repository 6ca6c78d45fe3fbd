import {
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  Input,
  toast,
} from '@codexion/resources';
import { useQueryClient } from '@tanstack/react-query';
import { Download, Search, Trash2, Upload } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-provider.js';
import { useReportProblem } from '../api/use-report-problem.js';
import { type EntityConfig, permissionOf } from '../entity/define-entities.js';
import { useEntityText } from '../i18n/use-entity-text.js';
import { downloadBlob, exportCsv } from '../list/csv-export.js';
import type { ListQuery } from '../list/list-query.js';
import { localStorageViewStore, type SavedViewStore } from '../list/saved-view-store.js';
import { PermissionButton } from '../permissions/permission-button.js';
import { callResource } from '../resource/call-resource.js';
import { resourceKeys } from '../resource/resource-queries.js';
import { ColumnChooser } from './column-chooser.js';
import { CsvImportDialog } from './csv-import-dialog.js';
import { FilterMenu } from './filter-menu.js';
import { SavedViewsMenu } from './saved-views-menu.js';

export interface TableToolbarProps {
  entity: EntityConfig;
  query: ListQuery;
  onQueryChange: (query: ListQuery) => void;
  /** the query with fixed filters, what export reads */
  exportQuery: ListQuery;
  columns: string[];
  onColumnsChange: (columns: string[]) => void;
  selectedIds: string[];
  onClearSelection: () => void;
  viewStore?: SavedViewStore;
}

const defaultViewStore = /* @__PURE__ */ localStorageViewStore();

/**
 * The bar above a resource table: search, filters, columns, saved views, export and import, and
 * the bulk actions once rows are selected.
 *
 * @example
 * <TableToolbar entity={account} query={query} onQueryChange={setQuery} ... />
 */
export function TableToolbar({
  entity,
  query,
  onQueryChange,
  exportQuery,
  columns,
  onColumnsChange,
  selectedIds,
  onClearSelection,
  viewStore = defaultViewStore,
}: TableToolbarProps) {
  const { t } = useTranslation('codexion');
  const text = useEntityText(entity);
  const { client, baseUrl } = useApi();
  const queryClient = useQueryClient();
  const reportProblem = useReportProblem();
  const [search, setSearch] = useState(query.q);
  const [exporting, setExporting] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);

  // typing waits for a pause before asking the server, not one request per key
  useEffect(() => {
    if (search === query.q) return;
    const timer = setTimeout(() => onQueryChange({ ...query, q: search }), 300);
    return () => clearTimeout(timer);
  }, [search, query, onQueryChange]);
  useEffect(() => setSearch(query.q), [query.q]);

  const resourceKey = useMemo(() => `${entity.app}:${entity.name}`, [entity]);

  const runExport = async () => {
    setExporting(true);
    try {
      const blob = await exportCsv({ client, entity, query: exportQuery, columns });
      downloadBlob(blob, `${entity.resource}.csv`);
    } catch (error) {
      reportProblem(error);
    } finally {
      setExporting(false);
    }
  };

  const deleteSelected = async () => {
    setDeleting(true);
    let deleted = 0;
    try {
      for (const id of selectedIds) {
        await callResource(entity, 'delete', { client, path: { id } });
        deleted += 1;
      }
      toast.success(t('bulk.deleted', { count: deleted }));
    } catch (error) {
      reportProblem(error);
    } finally {
      setDeleting(false);
      setConfirmDelete(false);
      onClearSelection();
      await queryClient.invalidateQueries({ queryKey: resourceKeys.all(baseUrl, entity.resource) });
    }
  };

  return (
    <div data-slot="table-toolbar" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative w-full max-w-xs">
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute start-2.5 top-2.5 size-4 text-muted-foreground"
          />
          <Input
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder={t('table.searchPlaceholder', { entities: text.plural })}
            aria-label={t('table.search')}
            className="ps-8"
          />
        </div>
        <FilterMenu
          entity={entity}
          filters={query.filters}
          onFiltersChange={(filters) => onQueryChange({ ...query, filters })}
        />
        <div className="ms-auto flex flex-wrap items-center gap-2">
          <SavedViewsMenu
            store={viewStore}
            resourceKey={resourceKey}
            query={query}
            columns={columns}
            onApply={(view) => {
              onColumnsChange(view.columns);
              onQueryChange(view.query);
            }}
          />
          <ColumnChooser entity={entity} columns={columns} onColumnsChange={onColumnsChange} />
          <Button variant="outline" size="sm" loading={exporting} onClick={() => void runExport()}>
            <Download aria-hidden="true" />
            {t('export.button')}
          </Button>
          <PermissionButton
            permission={permissionOf(entity, 'create')}
            variant="outline"
            size="sm"
            onClick={() => setImportOpen(true)}
          >
            <Upload aria-hidden="true" />
            {t('import.button')}
          </PermissionButton>
        </div>
      </div>
      {selectedIds.length > 0 && (
        <section
          aria-label={t('bulk.region')}
          className="flex items-center gap-3 rounded-md border bg-muted px-3 py-2 text-sm"
        >
          <span className="font-medium">{t('bulk.selected', { count: selectedIds.length })}</span>
          <PermissionButton
            permission={permissionOf(entity, 'delete')}
            variant="danger"
            size="sm"
            onClick={() => setConfirmDelete(true)}
          >
            <Trash2 aria-hidden="true" />
            {t('bulk.delete')}
          </PermissionButton>
          <Button variant="ghost" size="sm" onClick={onClearSelection}>
            {t('bulk.clear')}
          </Button>
        </section>
      )}
      <CsvImportDialog entity={entity} open={importOpen} onOpenChange={setImportOpen} />
      <Dialog open={confirmDelete} onOpenChange={setConfirmDelete}>
        <DialogContent closeLabel={t('actions.close')}>
          <DialogHeader>
            <DialogTitle>{t('bulk.confirmTitle', { count: selectedIds.length })}</DialogTitle>
            <DialogDescription>{t('bulk.confirmDescription')}</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="outline" onClick={() => setConfirmDelete(false)}>
              {t('actions.cancel')}
            </Button>
            <Button variant="danger" loading={deleting} onClick={() => void deleteSelected()}>
              {t('bulk.delete')}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
