import { toast } from '@codexion/resources';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from './problem-error.js';

/**
 * A function that tells the user about a failed call in a toast: the server's own `detail` for a
 * problem it explained, a translated sentence for a dropped connection or a server fault. Field
 * errors are not its business: forms put those on their fields first and pass the rest here.
 *
 * @example
 * const report = useReportProblem();
 * mutation.mutate(body, { onError: report });
 */
export function useReportProblem(): (error: unknown) => void {
  const { t } = useTranslation('codexion');
  return useCallback(
    (error: unknown) => {
      if (error instanceof ProblemError) {
        if (error.status === 0) toast.error(t('errors.network'));
        else if (error.status >= 500)
          toast.error(t('errors.server'), { description: error.problem.requestId });
        else if (error.status === 403) toast.error(t('errors.forbidden'));
        else toast.error(error.problem.detail ?? error.problem.title);
        return;
      }
      toast.error(t('errors.unexpected'));
    },
    [t],
  );
}
