import { resourceKeys, useApi, useReportProblem } from '@codexion/web';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateActivity } from '../../core/generated/client/sdk.gen.js';

/** The part of an activity a done toggle needs. */
export interface ActivityRef {
  id: string;
  version: number;
  done: boolean;
}

/**
 * Ticks an activity done (or not) with a merge patch guarded by its version, then refreshes every
 * list of activities (timelines, the dashboard) so they agree.
 *
 * @example
 * const toggle = useActivityDone();
 * toggle.mutate({ id, version, done: false });
 */
export function useActivityDone() {
  const { client, baseUrl } = useApi();
  const queryClient = useQueryClient();
  const reportProblem = useReportProblem();
  return useMutation({
    mutationFn: ({ id, version, done }: ActivityRef) =>
      updateActivity({
        client,
        path: { id },
        body: { done: !done },
        headers: { 'If-Match': `"${version}"` },
        throwOnError: true,
      }),
    onError: reportProblem,
    onSettled: () => queryClient.invalidateQueries({ queryKey: resourceKeys.all(baseUrl, 'activities') }),
  });
}
