import type { ValidationIssue } from '@codexion/schema';
import { useApi } from '@codexion/web';
import { useQuery, useQueryClient } from '@tanstack/react-query';

const refusalKey = (baseUrl: string, id: string) => [baseUrl, 'erp', 'posting-refusal', id] as const;

/**
 * The issues the server named when it last refused to post or cancel a document, shared between
 * the detail page's buttons (which set them) and its line table (which marks the cells named).
 */
export function usePostingRefusal(id: string) {
  const { baseUrl } = useApi();
  const queryClient = useQueryClient();
  const key = refusalKey(baseUrl, id);
  const issues = useQuery({
    queryKey: key,
    queryFn: () => [] as ValidationIssue[],
    staleTime: Number.POSITIVE_INFINITY,
  }).data;
  return {
    issues: issues ?? [],
    set: (next: ValidationIssue[]) => queryClient.setQueryData(key, next),
  };
}
