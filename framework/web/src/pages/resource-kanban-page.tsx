import {
  Badge,
  Button,
  Card,
  cn,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
  EmptyState,
  OptionSelect,
  Skeleton,
} from '@codexion/resources';
import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { EllipsisVertical, KanbanSquare, List } from 'lucide-react';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../api/api-provider.js';
import { type EntityConfig, permissionOf } from '../entity/define-entities.js';
import { entityFields, type FieldModel, fieldOf } from '../entity/field-model.js';
import { useEntityText } from '../i18n/use-entity-text.js';
import { type ListQuery, listSearchParams } from '../list/list-query.js';
import { useFormatters } from '../locale/locale-provider.js';
import { usePermissions } from '../permissions/permissions-provider.js';
import { FieldValue } from '../resource/field-value.js';
import {
  type ResourceRecord,
  resourceKeys,
  useRelationTitles,
  useResourceList,
} from '../resource/resource-queries.js';
import { PageHeader } from './page-header.js';
import { type KanbanColumn, useKanbanColumns, useKanbanScope } from './use-kanban-columns.js';
import { kanbanFieldOf, useKanbanMove } from './use-kanban-move.js';

export interface ResourceKanbanPageProps {
  entity: EntityConfig;
  /** most cards loaded onto the board */
  limit?: number;
}

const pageSize = 200;

/**
 * Arrow keys move a lifted card to the column on the left or right (dnd-kit's default moves a few
 * pixels per press, which takes a dozen presses to cross a column).
 */
const columnCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect) return undefined;
  const direction = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  if (!direction) return undefined;
  event.preventDefault();
  const columns = droppableContainers
    .getEnabled()
    .map((container) => droppableRects.get(container.id))
    .filter((rect): rect is NonNullable<typeof rect> => Boolean(rect))
    .sort((a, b) => a.left - b.left);
  const center = collisionRect.left + collisionRect.width / 2;
  const target =
    direction > 0
      ? columns.find((rect) => rect.left > center)
      : [...columns].reverse().find((rect) => rect.right < center);
  if (!target) return undefined;
  return { x: target.left + (target.width - collisionRect.width) / 2, y: target.top + 48 };
};

interface CardProps {
  entity: EntityConfig;
  record: ResourceRecord;
  summary: FieldModel[];
  titles: Map<string, Map<string, string>>;
  columns: KanbanColumn[];
  field: FieldModel;
  canMove: boolean;
  onMove: (to: string) => void;
  /** a click on the title (not the end of a drag) opens the record */
  onOpen: () => void;
}

function KanbanCard({ entity, record, summary, titles, columns, field, canMove, onMove, onOpen }: CardProps) {
  const { t } = useTranslation('codexion');
  const id = String(record[entity.primaryKey]);
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id,
    data: { record },
    disabled: !canMove,
    attributes: { roleDescription: t('kanban.draggable') },
  });
  const title = String(record[entity.titleField] ?? id);
  const current = String(record[field.name] ?? '');
  const currentLabel = columns.find((column) => column.id === current)?.label ?? current;
  return (
    <li
      ref={setNodeRef}
      data-slot="kanban-card"
      style={transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined}
      className={cn('list-none', isDragging && 'relative z-20 opacity-80')}
    >
      <Card className="gap-2 p-3 shadow-xs transition-shadow hover:shadow-sm">
        <div className="flex items-start gap-2">
          <button
            type="button"
            className={cn(
              'flex-1 rounded-sm text-start font-medium text-sm outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50',
              canMove && 'cursor-grab active:cursor-grabbing',
            )}
            aria-label={t('kanban.cardLabel', { title, column: currentLabel })}
            onClick={onOpen}
            {...listeners}
            {...attributes}
          >
            {title}
          </button>
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button
                variant="ghost"
                size="icon-sm"
                className="-me-1 -mt-1 size-7"
                aria-label={t('kanban.cardMenu', { title })}
              >
                <EllipsisVertical aria-hidden="true" />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuItem asChild>
                <Link to={`../${encodeURIComponent(id)}`}>{t('kanban.openCard')}</Link>
              </DropdownMenuItem>
              {canMove && (
                <>
                  <DropdownMenuLabel>{t('kanban.moveTo')}</DropdownMenuLabel>
                  {columns
                    .filter((column) => column.id !== current)
                    .map((column) => (
                      <DropdownMenuItem key={column.id} onSelect={() => onMove(column.id)}>
                        {column.label}
                      </DropdownMenuItem>
                    ))}
                </>
              )}
            </DropdownMenuContent>
          </DropdownMenu>
        </div>
        {summary.length > 0 && (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-muted-foreground text-xs">
            {summary.map((part) => (
              <FieldValue
                key={part.name}
                entity={entity}
                field={part}
                record={record}
                titles={titles.get(part.name)}
              />
            ))}
          </div>
        )}
      </Card>
    </li>
  );
}

function KanbanColumnView({
  id,
  label,
  count,
  total,
  children,
}: {
  id: string;
  label: string;
  count: number;
  total?: string;
  children: ReactNode;
}) {
  const { isOver, setNodeRef } = useDroppable({ id });
  return (
    <section
      ref={setNodeRef}
      aria-label={label}
      data-slot="kanban-column"
      data-over={isOver || undefined}
      className="flex min-h-0 min-w-64 flex-1 basis-0 flex-col gap-3 rounded-lg border bg-muted/50 p-3 transition-colors data-[over]:border-ring data-[over]:bg-accent"
    >
      <div className="grid gap-0.5">
        <h2 className="flex items-center justify-between gap-2 font-medium text-sm">
          <span className="truncate">{label}</span>
          <Badge variant="outline">{count}</Badge>
        </h2>
        {total && (
          <p data-slot="kanban-column-total" className="text-muted-foreground text-xs tabular-nums">
            {total}
          </p>
        )}
      </div>
      {/* a long column scrolls inside itself, so every column stays a drop target on screen */}
      <ul className="-mx-1 flex min-h-24 flex-1 flex-col gap-2 overflow-y-auto px-1 pb-1">{children}</ul>
    </section>
  );
}

/**
 * The generated board of an entity with `ui.kanbanField`: a column per enum value, or per record of
 * a relation field's target (a pipeline's stages, switched above the board with `kanban.scope`),
 * cards dragged between them by pointer or keyboard (Space to lift, ←/→ to move, Space to drop) or
 * moved with the card's menu, written optimistically and rolled back if the server refuses. A click
 * on a card's title opens the record. `EntityOptions.kanban` sets filters, order, totals and card fields.
 *
 * @example
 * { path: 'opportunities/board', element: <ResourceKanbanPage entity={opportunity} /> }
 */
export function ResourceKanbanPage({ entity, limit = 1000 }: ResourceKanbanPageProps) {
  const { t } = useTranslation('codexion');
  const text = useEntityText(entity);
  const format = useFormatters();
  const navigate = useNavigate();
  const { baseUrl } = useApi();
  const { can } = usePermissions();
  const options = entity.options.kanban ?? {};
  const fieldName = kanbanFieldOf(entity) ?? '';
  const field = fieldOf(entity, fieldName);
  const scope = useKanbanScope(entity);
  const { columns, isPending: columnsPending } = useKanbanColumns(entity, field, scope);
  const query = useMemo<ListQuery>(
    () => ({
      q: '',
      sort: options.sort ?? [],
      filters: [
        ...(options.filters ?? []),
        ...(scope?.value ? [{ field: scope.field, op: 'eq' as const, value: scope.value }] : []),
      ],
    }),
    [options.sort, options.filters, scope?.field, scope?.value],
  );
  const waitsForScope = Boolean(options.scope) && !scope?.value;
  const list = useResourceList(entity, query, { pageSize, enabled: !waitsForScope });
  const listKey = resourceKeys.list(
    baseUrl,
    entity.resource,
    listSearchParams(query, { pageSize }).toString(),
  );
  const move = useKanbanMove(entity, listKey);
  const records = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && records.length < limit) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, records.length, limit, fetchNextPage]);
  // a click that ends a drag is not a click on the card
  const lastDrag = useRef(0);

  const summary = useMemo(() => {
    const all = entityFields(entity);
    if (options.cardFields)
      return options.cardFields.flatMap((name) => all.filter((candidate) => candidate.name === name));
    return all.filter(
      (candidate) =>
        (candidate.widget === 'money' || candidate.widget === 'relation' || candidate.widget === 'date') &&
        candidate.name !== fieldName &&
        candidate.name !== options.scope?.field,
    );
  }, [entity, fieldName, options.cardFields, options.scope?.field]);
  const titles = useRelationTitles(entity, summary, records);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates }),
  );
  const canMove = can(permissionOf(entity, 'update'));
  const titleOf = (id: string | number) => {
    const found = records.find((record) => String(record[entity.primaryKey]) === String(id));
    return found ? String(found[entity.titleField] ?? id) : String(id);
  };
  const columnLabel = (id: string | number | undefined) =>
    columns.find((column) => column.id === String(id))?.label ?? '';
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('kanban.announce.start', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('kanban.announce.over', { title: titleOf(active.id), column: columnLabel(over.id) })
        : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? t('kanban.announce.end', { title: titleOf(active.id), column: columnLabel(over.id) })
        : t('kanban.announce.cancel'),
    onDragCancel: () => t('kanban.announce.cancel'),
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    lastDrag.current = Date.now();
    const record = active.data.current?.record as ResourceRecord | undefined;
    if (!over || !record || record[fieldName] === over.id) return;
    move.mutate({ record, to: String(over.id) });
  };
  const totalOf = (cards: ResourceRecord[]) => {
    const sumField = options.sumField ? fieldOf(entity, options.sumField) : undefined;
    if (!sumField) return undefined;
    const sums = new Map<string, number>();
    for (const card of cards) {
      const amount = card[sumField.name];
      if (typeof amount !== 'number') continue;
      const currency = sumField.currencyField ? card[sumField.currencyField] : undefined;
      const code = typeof currency === 'string' ? currency : format.currency;
      sums.set(code, (sums.get(code) ?? 0) + amount);
    }
    return [...sums].map(([code, minor]) => format.compactMoney(minor, code)).join(' · ') || undefined;
  };

  if (!field || (!field.ref && !field.enumValues.length)) {
    return <EmptyState icon={<KanbanSquare />} title={t('kanban.noField')} />;
  }
  const loading = list.isPending || columnsPending || waitsForScope;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('kanban.title', { entities: text.plural })}
        description={t('kanban.description', { field: text.field(field) })}
        breadcrumbs={[{ label: text.plural, href: '..' }, { label: t('kanban.board') }]}
        actions={
          <>
            {scope && scope.options.length > 0 && (
              <OptionSelect
                className="min-w-48"
                aria-label={text.field(fieldOf(entity, scope.field) ?? scope.field)}
                data-slot="kanban-scope"
                value={scope.value ?? ''}
                onValueChange={scope.setValue}
                options={scope.options}
              />
            )}
            <Button variant="outline" asChild>
              <Link to="..">
                <List aria-hidden="true" />
                {t('kanban.list')}
              </Link>
            </Button>
          </>
        }
      />
      {loading ? (
        <div className="flex gap-4" aria-busy="true">
          {(columns.length ? columns : [{ id: 'a' }, { id: 'b' }, { id: 'c' }]).map((column) => (
            <Skeleton key={column.id} className="h-64 min-w-60 flex-1" />
          ))}
        </div>
      ) : !columns.length ? (
        <EmptyState icon={<KanbanSquare />} title={t('kanban.noColumns')} />
      ) : (
        <DndContext
          sensors={sensors}
          onDragEnd={onDragEnd}
          onDragCancel={() => {
            lastDrag.current = Date.now();
          }}
          accessibility={{
            announcements,
            screenReaderInstructions: { draggable: t('kanban.instructions') },
          }}
        >
          <div
            className="flex h-[calc(100svh-13rem)] min-h-96 gap-4 overflow-x-auto pb-4"
            data-permission={canMove ? undefined : 'read-only'}
          >
            {columns.map((column) => {
              const cards = records.filter((record) => record[fieldName] === column.id);
              return (
                <KanbanColumnView
                  key={column.id}
                  id={column.id}
                  label={column.label}
                  count={cards.length}
                  total={totalOf(cards)}
                >
                  {cards.map((record) => {
                    const id = encodeURIComponent(String(record[entity.primaryKey]));
                    return (
                      <KanbanCard
                        key={id}
                        entity={entity}
                        record={record}
                        summary={summary}
                        titles={titles}
                        columns={columns}
                        field={field}
                        canMove={canMove}
                        onMove={(to) => move.mutate({ record, to })}
                        onOpen={() => {
                          if (Date.now() - lastDrag.current > 300) navigate(`../${id}`);
                        }}
                      />
                    );
                  })}
                </KanbanColumnView>
              );
            })}
          </div>
        </DndContext>
      )}
    </div>
  );
}
