import type { RouteObject } from 'react-router';
import type { EntityConfig } from '../entity/define-entities.js';

export interface ResourceRouteOptions {
  /** URL segment of the pages; the resource's by default (`opportunities`) */
  path?: string;
  /** records per list request */
  pageSize?: number;
}

/**
 * The route objects of an entity's generated pages, each loaded lazily (its code is fetched when
 * the page is first visited): list (`<resource>`), create (`new`), detail (`:id`), edit
 * (`:id/edit`) and, with `ui.kanbanField`, the board (`board`).
 *
 * @example
 * defineAppModule({ name: 'sales', ..., routes: [...createResourceRoutes(sales.entity('account'))] })
 */
export function createResourceRoutes(
  entity: EntityConfig,
  { path = entity.resource, pageSize }: ResourceRouteOptions = {},
): RouteObject[] {
  const children: RouteObject[] = [
    {
      index: true,
      lazy: async () => {
        const { ResourceListPage } = await import('./resource-list-page.js');
        return { element: <ResourceListPage entity={entity} pageSize={pageSize} /> };
      },
    },
    {
      path: 'new',
      lazy: async () => {
        const { ResourceFormPage } = await import('./resource-form-page.js');
        return { element: <ResourceFormPage entity={entity} mode="create" /> };
      },
    },
    {
      path: ':id',
      lazy: async () => {
        const { ResourceDetailPage } = await import('./resource-detail-page.js');
        return { element: <ResourceDetailPage entity={entity} /> };
      },
    },
    {
      path: ':id/edit',
      lazy: async () => {
        const { ResourceFormPage } = await import('./resource-form-page.js');
        return { element: <ResourceFormPage entity={entity} mode="edit" /> };
      },
    },
  ];
  if (entity.options.kanban?.field ?? entity.annotations.ui?.kanbanField) {
    children.push({
      path: 'board',
      lazy: async () => {
        const { ResourceKanbanPage } = await import('./resource-kanban-page.js');
        return { element: <ResourceKanbanPage entity={entity} /> };
      },
    });
  }
  return [{ path, handle: { entity: `${entity.app}:${entity.name}` }, children }];
}
