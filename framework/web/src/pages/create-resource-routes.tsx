import type { RouteObject } from 'react-router';
import type { EntityConfig } from '../entity/define-entities.js';
import type { DetailSlots } from './resource-detail-page.js';

export interface ResourceRouteOptions {
  /** URL segment of the pages; the resource's by default (`opportunities`) */
  path?: string;
  /** records per list request */
  pageSize?: number;
  /**
   * the app's additions to the detail page, loaded with it (keep them out of the module's first
   * chunk): `() => import('./deal-detail.js').then((m) => m.dealDetailSlots)`
   */
  detailSlots?: () => Promise<DetailSlots>;
  /** leave out the generated board (an app that shows it under a route of its own) */
  board?: boolean;
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
  { path = entity.resource, pageSize, detailSlots, board = true }: ResourceRouteOptions = {},
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
        const [{ ResourceDetailPage }, slots] = await Promise.all([
          import('./resource-detail-page.js'),
          detailSlots?.(),
        ]);
        return { element: <ResourceDetailPage entity={entity} slots={slots} /> };
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
  if (board && (entity.options.kanban?.field ?? entity.annotations.ui?.kanbanField)) {
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
