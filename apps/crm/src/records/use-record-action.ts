import { type ApiRequest, resourceKeys, useApi } from '@codexion/web';
import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * Calls one of the app's actions (`POST /deals/{id}/win`…) and refreshes what it may have changed:
 * every list and record of the named resources.
 *
 * @example
 * const win = useRecordAction(['deals']);
 * win.mutate({ path: `/deals/${id}/win` });
 */
export function useRecordAction<T = unknown>(touches: readonly string[]) {
  const { apiFetch, baseUrl } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ path, body }: { path: string; body?: ApiRequest['body'] }) =>
      (await apiFetch<T>(path, { method: 'POST', ...(body === undefined ? {} : { body }) })).data,
    onSettled: () =>
      Promise.all(
        touches.map((resource) =>
          queryClient.invalidateQueries({ queryKey: resourceKeys.all(baseUrl, resource) }),
        ),
      ),
  });
}
