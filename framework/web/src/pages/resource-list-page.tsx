import { Button } from '@codexion/resources';
import { KanbanSquare, Plus } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type EntityConfig, permissionOf } from '../entity/define-entities.js';
import { defaultColumns } from '../entity/field-model.js';
import { useEntityText } from '../i18n/use-entity-text.js';
import { useListState } from '../list/use-list-state.js';
import { PermissionButton } from '../permissions/permission-button.js';
import { ResourceTable } from '../table/resource-table.js';
import { PageHeader } from './page-header.js';

export interface ResourceListPageProps {
  entity: EntityConfig;
  /** records per request */
  pageSize?: number;
}

/**
 * The generated list page of an entity: its table with search, filters, sort and saved views in
 * the URL, a "New" button and, for entities with a kanban field, a link to the board.
 *
 * @example
 * { path: 'accounts', element: <ResourceListPage entity={sales.entity('account')} /> }
 */
export function ResourceListPage({ entity, pageSize }: ResourceListPageProps) {
  const { t } = useTranslation('codexion');
  const text = useEntityText(entity);
  const [query, setQuery] = useListState(entity.options.listSort);
  const [columns, setColumns] = useState(() => defaultColumns(entity));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={text.plural}
        actions={
          <>
            {entity.annotations.ui?.kanbanField && (
              <Button variant="outline" asChild>
                <Link to="board">
                  <KanbanSquare aria-hidden="true" />
                  {t('kanban.open')}
                </Link>
              </Button>
            )}
            <PermissionButton permission={permissionOf(entity, 'create')} asChild>
              <Link to="new">
                <Plus aria-hidden="true" />
                {t('actions.new', { entity: text.title })}
              </Link>
            </PermissionButton>
          </>
        }
      />
      <ResourceTable
        entity={entity}
        query={query}
        onQueryChange={setQuery}
        columns={columns}
        onColumnsChange={setColumns}
        pageSize={pageSize}
        rowHref={(record) => encodeURIComponent(String(record[entity.primaryKey]))}
        renderLink={({ href, children, className }) => (
          <Link to={href} className={className}>
            {children}
          </Link>
        )}
        selectable
      />
    </div>
  );
}
