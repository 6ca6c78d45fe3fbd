import {
  Button,
  Checkbox,
  cn,
  EmptyState,
  Skeleton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@codexion/resources';
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type RowSelectionState,
  useReactTable,
} from '@tanstack/react-table';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, ArrowUpDown, Inbox } from 'lucide-react';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityConfig } from '../entity/define-entities.js';
import { defaultColumns, entityFields, type FieldModel } from '../entity/field-model.js';
import { useEntityText } from '../i18n/use-entity-text.js';
import { emptyListQuery, isSortable, type ListQuery, type ListSort } from '../list/list-query.js';
import type { SavedViewStore } from '../list/saved-view-store.js';
import { FieldValue } from '../resource/field-value.js';
import { type ResourceRecord, useRelationTitles, useResourceList } from '../resource/resource-queries.js';
import { TableToolbar } from './table-toolbar.js';

export interface ResourceTableProps {
  entity: EntityConfig;
  /** the list query (controlled); leave out to keep it inside the table */
  query?: ListQuery;
  onQueryChange?: (query: ListQuery) => void;
  /** visible columns in order (controlled); defaults to `ui.listColumns` */
  columns?: string[];
  onColumnsChange?: (columns: string[]) => void;
  /** records per request; the API serves at most 200 */
  pageSize?: number;
  /** height of the scrolling area; rows outside it are not in the DOM */
  height?: number | string;
  onRowClick?: (record: ResourceRecord) => void;
  /** link target of the title cell, e.g. `(r) => r.id` for the detail page */
  rowHref?: (record: ResourceRecord) => string;
  /** renders a link (the router's `Link`) for `rowHref`; a plain `<a>` otherwise */
  renderLink?: (props: { href: string; children: ReactNode; className: string }) => ReactNode;
  /** fixed conditions the user cannot remove (a related list: `accountId = 42`) */
  baseFilters?: ListQuery['filters'];
  /** hide the toolbar (related lists) */
  toolbar?: boolean;
  /** allow row selection and bulk actions */
  selectable?: boolean;
  /** where saved views are kept; per browser by default */
  viewStore?: SavedViewStore;
  className?: string;
}

const rowHeight = 41;
const numericWidgets = new Set(['number', 'money', 'percent']);
/** Numbers line up on their last digit, as in a spreadsheet. */
const alignOf = (field: FieldModel | undefined) =>
  field && numericWidgets.has(field.widget) ? 'text-end tabular-nums' : undefined;
const fallbackRect = { width: 1024, height: 720 };

function SortIcon({ sort }: { sort: ListSort | undefined }) {
  if (!sort) return <ArrowUpDown aria-hidden="true" className="size-3.5 opacity-40" />;
  return sort.desc ? (
    <ArrowDown aria-hidden="true" className="size-3.5" />
  ) : (
    <ArrowUp aria-hidden="true" className="size-3.5" />
  );
}

/**
 * The generic list of a resource: server-side sort (click a header; shift-click adds a key),
 * typed filters, search, keyset pagination loaded as the user scrolls, a column chooser, saved
 * views, row selection with bulk delete, CSV export of the whole filtered list and CSV import with
 * a validation preview. Rows are virtualized: only those in view (plus a few) are in the DOM.
 *
 * @example
 * <ResourceTable entity={sales.entity('account')} rowHref={(r) => String(r.id)} selectable />
 */
export function ResourceTable({
  entity,
  query: controlledQuery,
  onQueryChange,
  columns: controlledColumns,
  onColumnsChange,
  pageSize = 50,
  height = '65vh',
  onRowClick,
  rowHref,
  renderLink,
  baseFilters = [],
  toolbar = true,
  selectable = false,
  viewStore,
  className,
}: ResourceTableProps) {
  const { t } = useTranslation('codexion');
  const text = useEntityText(entity);
  const [ownQuery, setOwnQuery] = useState<ListQuery>(emptyListQuery);
  const [ownColumns, setOwnColumns] = useState<string[]>(() => defaultColumns(entity));
  const query = controlledQuery ?? ownQuery;
  const setQuery = onQueryChange ?? setOwnQuery;
  const columns = controlledColumns ?? ownColumns;
  const setColumns = onColumnsChange ?? setOwnColumns;
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});

  const effectiveQuery = useMemo(
    () => ({ ...query, filters: [...baseFilters, ...query.filters] }),
    [query, baseFilters],
  );
  const list = useResourceList(entity, effectiveQuery, { pageSize });
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);

  const fieldsByName = useMemo(
    () => new Map(entityFields(entity).map((field) => [field.name, field])),
    [entity],
  );
  const visibleFields = useMemo(
    () =>
      columns.map((name) => fieldsByName.get(name)).filter((field): field is FieldModel => Boolean(field)),
    [columns, fieldsByName],
  );
  const titles = useRelationTitles(entity, visibleFields, rows);

  const toggleSort = useCallback(
    (field: string, additive: boolean) => {
      const current = query.sort.find((sort) => sort.field === field);
      // none → ascending → descending → none, the cycle most tables use
      const next: ListSort | undefined = !current
        ? { field, desc: false }
        : !current.desc
          ? { field, desc: true }
          : undefined;
      const others = additive ? query.sort.filter((sort) => sort.field !== field) : [];
      setQuery({ ...query, sort: next ? [...others, next] : others });
    },
    [query, setQuery],
  );

  const columnDefs = useMemo<ColumnDef<ResourceRecord>[]>(() => {
    const defs: ColumnDef<ResourceRecord>[] = [];
    if (selectable) {
      defs.push({
        id: '__select',
        size: 40,
        header: ({ table }) => (
          <Checkbox
            aria-label={t('table.selectAll')}
            checked={
              table.getIsAllRowsSelected() ? true : table.getIsSomeRowsSelected() ? 'indeterminate' : false
            }
            onCheckedChange={(checked) => table.toggleAllRowsSelected(checked === true)}
          />
        ),
        cell: ({ row }) => (
          <Checkbox
            aria-label={t('table.selectRow')}
            checked={row.getIsSelected()}
            onCheckedChange={(checked) => row.toggleSelected(checked === true)}
            onClick={(event) => event.stopPropagation()}
          />
        ),
      });
    }
    for (const field of visibleFields) {
      defs.push({
        id: field.name,
        header: () => {
          const label = text.field(field);
          if (!isSortable(field)) return label;
          const sort = query.sort.find((candidate) => candidate.field === field.name);
          return (
            <button
              type="button"
              className="-mx-1 inline-flex items-center gap-1 rounded-sm px-1 hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
              onClick={(event) => toggleSort(field.name, event.shiftKey)}
              aria-label={t('table.sortBy', { field: label })}
            >
              {label}
              <SortIcon sort={sort} />
            </button>
          );
        },
        cell: ({ row }) => {
          const value = (
            <FieldValue entity={entity} field={field} record={row.original} titles={titles.get(field.name)} />
          );
          if (field.name === entity.titleField && rowHref) {
            const href = rowHref(row.original);
            const linkClass = 'font-medium text-foreground hover:underline';
            return renderLink ? (
              renderLink({ href, children: value, className: linkClass })
            ) : (
              <a href={href} className={linkClass}>
                {value}
              </a>
            );
          }
          return value;
        },
      });
    }
    return defs;
  }, [selectable, visibleFields, text, query.sort, toggleSort, t, entity, titles, rowHref, renderLink]);

  const table = useReactTable({
    data: rows,
    columns: columnDefs,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row, index) => String(row[entity.primaryKey] ?? index),
    enableRowSelection: selectable,
    state: { rowSelection },
    onRowSelectionChange: setRowSelection,
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
  });

  const wrapperRef = useRef<HTMLDivElement>(null);
  // The design system's Table owns its scrolling container; it is the element the rows scroll in.
  const getScrollElement = useCallback(
    () => wrapperRef.current?.querySelector<HTMLElement>('[data-slot="table-container"]') ?? null,
    [],
  );
  const tableRows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement,
    estimateSize: () => rowHeight,
    overscan: 12,
    // Without layout (first paint, a hidden tab, happy-dom) the container measures 0 high and no
    // row would render: assume a screenful until a real size arrives.
    initialRect: fallbackRect,
    observeElementRect: (instance, callback) =>
      observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : fallbackRect)),
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= tableRows.length - 10) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, tableRows.length, fetchNextPage]);

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  const colSpan = columnDefs.length;

  return (
    <div data-slot="resource-table" className={cn('flex flex-col gap-3', className)}>
      {toolbar && (
        <TableToolbar
          entity={entity}
          query={query}
          onQueryChange={setQuery}
          exportQuery={effectiveQuery}
          columns={columns}
          onColumnsChange={setColumns}
          selectedIds={selectedIds}
          onClearSelection={() => setRowSelection({})}
          viewStore={viewStore}
        />
      )}
      <div
        ref={wrapperRef}
        className="overflow-hidden rounded-lg border bg-card [&_[data-slot=table-container]]:max-h-(--table-height) [&_[data-slot=table-container]]:overflow-auto"
        style={{ ['--table-height' as string]: typeof height === 'number' ? `${height}px` : height }}
      >
        <Table
          aria-label={text.plural}
          aria-rowcount={list.data?.pages[0]?.total ?? (hasNextPage ? -1 : tableRows.length + 1)}
        >
          <TableHeader className="sticky top-0 z-10 bg-muted/80 backdrop-blur">
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id}>
                {group.headers.map((header) => {
                  const sort = query.sort.find((candidate) => candidate.field === header.column.id);
                  return (
                    <TableHead
                      key={header.id}
                      aria-sort={sort ? (sort.desc ? 'descending' : 'ascending') : undefined}
                      className={
                        header.column.id === '__select' ? 'w-10' : alignOf(fieldsByName.get(header.column.id))
                      }
                    >
                      {flexRender(header.column.columnDef.header, header.getContext())}
                    </TableHead>
                  );
                })}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {paddingTop > 0 && (
              <tr data-slot="virtual-spacer" style={{ height: paddingTop }}>
                <td colSpan={colSpan} className="p-0" />
              </tr>
            )}
            {items.map((item) => {
              const row = tableRows[item.index];
              if (!row) return null;
              return (
                <TableRow
                  key={row.id}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  data-state={row.getIsSelected() ? 'selected' : undefined}
                  className={cn('h-10', onRowClick && 'cursor-pointer')}
                  onClick={onRowClick ? () => onRowClick(row.original) : undefined}
                >
                  {row.getVisibleCells().map((cell) => (
                    <TableCell
                      key={cell.id}
                      className={cn('max-w-80 truncate', alignOf(fieldsByName.get(cell.column.id)))}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </TableCell>
                  ))}
                </TableRow>
              );
            })}
            {paddingBottom > 0 && (
              <tr data-slot="virtual-spacer" style={{ height: paddingBottom }}>
                <td colSpan={colSpan} className="p-0" />
              </tr>
            )}
            {list.isPending &&
              Array.from({ length: 5 }, (_, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have nothing else to tell them apart
                <TableRow key={index}>
                  <TableCell colSpan={colSpan}>
                    <Skeleton className="h-5 w-full" />
                  </TableCell>
                </TableRow>
              ))}
          </TableBody>
        </Table>
        {!list.isPending && tableRows.length === 0 && (
          <EmptyState
            className="m-4"
            icon={<Inbox />}
            title={list.isError ? t('table.loadFailed') : t('table.empty', { entities: text.plural })}
            description={query.q || query.filters.length ? t('table.emptyFiltered') : undefined}
          />
        )}
      </div>
      <div className="flex items-center justify-between text-muted-foreground text-sm" aria-live="polite">
        <span>{t('table.loaded', { count: tableRows.length })}</span>
        {hasNextPage && (
          <Button
            variant="outline"
            size="sm"
            loading={isFetchingNextPage}
            onClick={() => void fetchNextPage()}
          >
            {t('table.loadMore')}
          </Button>
        )}
      </div>
    </div>
  );
}
