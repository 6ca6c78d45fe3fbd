import type { Client } from '@codexion/client';
import { downloadBlob, useApi, useReportProblem } from '@codexion/web';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';

/** One report call of the generated SDK, given the API's client and an abort signal. */
export type ReportCall<T> = (client: Client, signal: AbortSignal) => Promise<{ data: T }>;

/**
 * Reads a report through the generated SDK (`reportTrialBalance`, …), keyed by its name and
 * parameters; the figures stay on screen while new parameters load.
 *
 * @example
 * useReport('trial-balance', { from, to }, (client, signal) => reportTrialBalance({ client, query: { from, to }, signal, throwOnError: true }))
 */
export function useReport<T>(
  name: string,
  params: Record<string, unknown>,
  call: ReportCall<T>,
  enabled = true,
) {
  const { client, baseUrl } = useApi();
  return useQuery({
    queryKey: [baseUrl, 'erp', 'reports', name, params],
    queryFn: async ({ signal }) => (await call(client, signal)).data,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * Downloads a report as CSV: the same SDK call with `format: 'csv'`, read as a file.
 *
 * @example
 * const csv = useCsvDownload(); csv.mutate({ fileName: 'trial-balance.csv', call: (client) => reportTrialBalance({ client, query: { from, to, format: 'csv' }, parseAs: 'blob', throwOnError: true }) })
 */
export function useCsvDownload() {
  const { client } = useApi();
  const reportProblem = useReportProblem();
  return useMutation({
    mutationFn: async ({
      fileName,
      call,
    }: {
      fileName: string;
      call: (client: Client) => Promise<{ data: unknown }>;
    }) => {
      const { data } = await call(client);
      const blob = data instanceof Blob ? data : new Blob([String(data)], { type: 'text/csv' });
      downloadBlob(blob, fileName);
    },
    onError: (error) => reportProblem(error),
  });
}
