import type { Client } from '@codexion/client';
import { resourceKeys, useApi } from '@codexion/web';
import { useMutation, useQueryClient } from '@tanstack/react-query';

/** One call of the generated SDK, given the client of the app's API: `(client) => winDeal({ client, … })`. */
export type ActionCall<T> = (client: Client) => Promise<{ data: T }>;

/**
 * Calls one of the app's actions through the generated SDK (`winDeal`, `mergePeople`…) and
 * refreshes what it may have changed: every list and record of the named resources.
 *
 * @example
 * const win = useRecordAction(['deals']);
 * win.mutate((client) => winDeal({ client, path: { id }, throwOnError: true }));
 */
export function useRecordAction<T = unknown>(touches: readonly string[]) {
  const { client, baseUrl } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (call: ActionCall<T>) => (await call(client)).data,
    onSettled: () =>
      Promise.all(
        touches.map((resource) =>
          queryClient.invalidateQueries({ queryKey: resourceKeys.all(baseUrl, resource) }),
        ),
      ),
  });
}
