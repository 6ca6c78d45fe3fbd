import { resourceKeys, useApi, useReportProblem } from '@codexion/web';
import { useMutation, useQueryClient } from '@tanstack/react-query';

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
  const { apiFetch, baseUrl } = useApi();
  const queryClient = useQueryClient();
  const reportProblem = useReportProblem();
  return useMutation({
    mutationFn: ({ id, version, done }: ActivityRef) =>
      apiFetch(`/activities/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: { done: !done },
        contentType: 'application/merge-patch+json',
        headers: { 'if-match': `"${version}"` },
      }),
    onError: reportProblem,
    onSettled: () => queryClient.invalidateQueries({ queryKey: resourceKeys.all(baseUrl, 'activities') }),
  });
}
