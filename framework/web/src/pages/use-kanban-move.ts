import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-provider.js';
import { useReportProblem } from '../api/use-report-problem.js';
import type { EntityConfig } from '../entity/define-entities.js';
import { callResource, callSdk } from '../resource/call-resource.js';
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
  const { client, baseUrl } = useApi();
  const queryClient = useQueryClient();
  const reportProblem = useReportProblem();
  const field = kanbanFieldOf(entity) ?? '';
  return useMutation({
    mutationFn: async ({ record, to }: KanbanMove) => {
      const id = String(record[entity.primaryKey]);
      const etag = typeof record.version === 'number' ? `"${record.version}"` : undefined;
      const action = entity.options.kanban?.action;
      if (action) {
        return callSdk(action.call, { client, path: { id }, body: { [action.bodyField]: to } });
      }
      if (entity.annotations.workflow?.field === field) {
        return callResource(entity, 'transition', {
          client,
          path: { id },
          body: { to },
          headers: etag ? { 'if-match': etag } : {},
        });
      }
      return callResource(entity, 'update', {
        client,
        path: { id },
        body: { [field]: to },
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
