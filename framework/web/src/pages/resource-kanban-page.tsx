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
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../api/api-provider.js';
import { type EntityConfig, permissionOf } from '../entity/define-entities.js';
import { entityFields, type FieldModel, fieldOf } from '../entity/field-model.js';
import { useEntityText } from '../i18n/use-entity-text.js';
import { emptyListQuery, listSearchParams } from '../list/list-query.js';
import { usePermissions } from '../permissions/permissions-provider.js';
import { FieldValue } from '../resource/field-value.js';
import {
  type ResourceRecord,
  resourceKeys,
  useRelationTitles,
  useResourceList,
} from '../resource/resource-queries.js';
import { PageHeader } from './page-header.js';
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
  columns: string[];
  field: FieldModel;
  canMove: boolean;
  onMove: (to: string) => void;
}

function KanbanCard({ entity, record, summary, titles, columns, field, canMove, onMove }: CardProps) {
  const { t } = useTranslation('codexion');
  const text = useEntityText(entity);
  const id = String(record[entity.primaryKey]);
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id,
    data: { record },
    disabled: !canMove,
    attributes: { roleDescription: t('kanban.draggable') },
  });
  const title = String(record[entity.titleField] ?? id);
  const current = String(record[field.name] ?? '');
  return (
    <li
      ref={setNodeRef}
      data-slot="kanban-card"
      style={transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined}
      className={cn('list-none', isDragging && 'relative z-20 opacity-80')}
    >
      <Card className="gap-2 p-3 shadow-xs">
        <div className="flex items-start gap-2">
          <button
            type="button"
            className={cn(
              'flex-1 rounded-sm text-start font-medium text-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50',
              canMove && 'cursor-grab active:cursor-grabbing',
            )}
            aria-label={t('kanban.cardLabel', { title, column: text.option(field, current) })}
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
                    .filter((column) => column !== current)
                    .map((column) => (
                      <DropdownMenuItem key={column} onSelect={() => onMove(column)}>
                        {text.option(field, column)}
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

function KanbanColumn({
  id,
  label,
  count,
  children,
}: {
  id: string;
  label: string;
  count: number;
  children: React.ReactNode;
}) {
  const { isOver, setNodeRef } = useDroppable({ id });
  return (
    <section
      ref={setNodeRef}
      aria-label={label}
      data-slot="kanban-column"
      data-over={isOver || undefined}
      className="flex min-w-56 flex-1 basis-0 flex-col gap-3 rounded-lg border bg-muted/50 p-3 transition-colors data-[over]:border-ring data-[over]:bg-accent"
    >
      <h2 className="flex items-center justify-between font-medium text-sm">
        {label}
        <Badge variant="outline">{count}</Badge>
      </h2>
      <ul className="flex min-h-24 flex-col gap-2">{children}</ul>
    </section>
  );
}

/**
 * The generated board of an entity with `ui.kanbanField`: a column per enum value, cards dragged
 * between them by pointer or keyboard (Space to lift, ←/→ to move, Space to drop) or moved with
 * the card's menu, written optimistically and rolled back if the server refuses.
 *
 * @example
 * { path: 'opportunities/board', element: <ResourceKanbanPage entity={opportunity} /> }
 */
export function ResourceKanbanPage({ entity, limit = 1000 }: ResourceKanbanPageProps) {
  const { t } = useTranslation('codexion');
  const text = useEntityText(entity);
  const { baseUrl } = useApi();
  const { can } = usePermissions();
  const fieldName = kanbanFieldOf(entity) ?? '';
  const field = fieldOf(entity, fieldName);
  const list = useResourceList(entity, emptyListQuery, { pageSize });
  const listKey = resourceKeys.list(
    baseUrl,
    entity.resource,
    listSearchParams(emptyListQuery, { pageSize }).toString(),
  );
  const move = useKanbanMove(entity, listKey);
  const records = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && records.length < limit) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, records.length, limit, fetchNextPage]);

  const summary = useMemo(
    () =>
      entityFields(entity).filter(
        (candidate) =>
          (candidate.widget === 'money' || candidate.widget === 'relation' || candidate.widget === 'date') &&
          candidate.name !== fieldName,
      ),
    [entity, fieldName],
  );
  const titles = useRelationTitles(entity, summary, records);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates }),
  );
  const columns = field?.enumValues ?? [];
  const canMove = can(permissionOf(entity, 'update'));
  const titleOf = (id: string | number) => {
    const found = records.find((record) => String(record[entity.primaryKey]) === String(id));
    return found ? String(found[entity.titleField] ?? id) : String(id);
  };
  const columnLabel = (id: string | number | undefined) =>
    field && id !== undefined ? text.option(field, String(id)) : '';
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
    const record = active.data.current?.record as ResourceRecord | undefined;
    if (!over || !record || record[fieldName] === over.id) return;
    move.mutate({ record, to: String(over.id) });
  };

  if (!field || !columns.length) {
    return <EmptyState icon={<KanbanSquare />} title={t('kanban.noField')} />;
  }
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('kanban.title', { entities: text.plural })}
        description={t('kanban.description', { field: text.field(field) })}
        breadcrumbs={[{ label: text.plural, href: '..' }, { label: t('kanban.board') }]}
        actions={
          <Button variant="outline" asChild>
            <Link to="..">
              <List aria-hidden="true" />
              {t('kanban.list')}
            </Link>
          </Button>
        }
      />
      {list.isPending ? (
        <div className="flex gap-4">
          {columns.map((column) => (
            <Skeleton key={column} className="h-64 min-w-56 flex-1" />
          ))}
        </div>
      ) : (
        <DndContext
          sensors={sensors}
          onDragEnd={onDragEnd}
          accessibility={{
            announcements,
            screenReaderInstructions: { draggable: t('kanban.instructions') },
          }}
        >
          <div
            className="flex gap-4 overflow-x-auto pb-4"
            data-permission={canMove ? undefined : 'read-only'}
          >
            {columns.map((column) => {
              const cards = records.filter((record) => record[fieldName] === column);
              return (
                <KanbanColumn
                  key={column}
                  id={column}
                  label={text.option(field, column)}
                  count={cards.length}
                >
                  {cards.map((record) => (
                    <KanbanCard
                      key={String(record[entity.primaryKey])}
                      entity={entity}
                      record={record}
                      summary={summary}
                      titles={titles}
                      columns={columns}
                      field={field}
                      canMove={canMove}
                      onMove={(to) => move.mutate({ record, to })}
                    />
                  ))}
                </KanbanColumn>
              );
            })}
          </div>
        </DndContext>
      )}
    </div>
  );
}
