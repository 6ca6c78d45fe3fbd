import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-provider.js';
import { useReportProblem } from '../api/use-report-problem.js';
import type { EntityConfig } from '../entity/define-entities.js';
import { type ResourcePage, type ResourceRecord, resourceKeys } from '../resource/resource-queries.js';

export interface KanbanMove {
  record: ResourceRecord;
  to: string;
}

/** The field a board groups by: the configured one, else `ui.kanbanField`. */
export function kanbanFieldOf(entity: EntityConfig): string | undefined {
  return entity.options.kanban?.field ?? entity.annotations.ui?.kanbanField;
}

/**
 * Moves a card to another column: shown at once (optimistic), written through the entity's move
 * action, its workflow transition (when the board groups by the workflow field) or a PATCH with
 * `If-Match`, and put back where it was if the server refuses.
 *
 * @example
 * const move = useKanbanMove(opportunity, listKey);
 * move.mutate({ record, to: 'qualified' });
 */
export function useKanbanMove(entity: EntityConfig, listKey: readonly unknown[]) {
  const { apiFetch, baseUrl } = useApi();
  const queryClient = useQueryClient();
  const reportProblem = useReportProblem();
  const field = kanbanFieldOf(entity) ?? '';
  return useMutation({
    mutationFn: async ({ record, to }: KanbanMove) => {
      const id = encodeURIComponent(String(record[entity.primaryKey]));
      const etag = typeof record.version === 'number' ? `"${record.version}"` : undefined;
      const action = entity.options.kanban?.action;
      if (action) {
        return apiFetch(action.path.replace('{id}', id), {
          method: 'POST',
          body: { [action.bodyField]: to },
        });
      }
      if (entity.annotations.workflow?.field === field) {
        return apiFetch(`/${entity.resource}/${id}/transition`, {
          method: 'POST',
          body: { to },
          headers: etag ? { 'if-match': etag } : {},
        });
      }
      return apiFetch(`/${entity.resource}/${id}`, {
        method: 'PATCH',
        body: { [field]: to },
        contentType: 'application/merge-patch+json',
        headers: etag ? { 'if-match': etag } : {},
      });
    },
    onMutate: async ({ record, to }) => {
      await queryClient.cancelQueries({ queryKey: listKey });
      const previous = queryClient.getQueryData<InfiniteData<ResourcePage>>(listKey);
      const id = record[entity.primaryKey];
      queryClient.setQueryData<InfiniteData<ResourcePage>>(listKey, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.map((item) =>
                  item[entity.primaryKey] === id ? { ...item, [field]: to } : item,
                ),
              })),
            }
          : data,
      );
      return { previous };
    },
    onError: (error, _move, context) => {
      if (context?.previous) queryClient.setQueryData(listKey, context.previous);
      reportProblem(error);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: resourceKeys.all(baseUrl, entity.resource) }),
  });
}
