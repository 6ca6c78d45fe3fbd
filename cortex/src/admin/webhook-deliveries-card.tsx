import { listWebhookDeliveries, redeliverWebhook } from '@codexion/contracts/webhooks/client';
import type { WebhookDelivery, WebhookEndpoint } from '@codexion/contracts/webhooks/types';
import { Badge, Button, EmptyState, TableCell, TableRow, toast } from '@codexion/resources';
import { useFormatters, usePermissions, useReportProblem, useTranslation } from '@codexion/web';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { Send } from 'lucide-react';
import { useAdminClients, useAdminKey, useInvalidateAdmin } from './admin-queries.js';
import { AdminTable } from './admin-table.js';
import { QueryState } from './query-state.js';
import { SectionCard } from './section-card.js';

/** The permission of every webhook write (framework/contracts/webhooks). */
export const webhooksManagePermission = 'prefiq:webhooks:manage';

/** Deliveries per page of the log. */
export const deliveriesPageSize = 50;

/** How often an open delivery log reloads (attempts go on in the background). */
export const deliveriesRefreshMs = 5_000;

const statusVariant = { delivered: 'success', failed: 'danger', pending: 'warning' } as const;

function DeliveryRow({ delivery }: { delivery: WebhookDelivery }) {
  const { t } = useTranslation('admin');
  const format = useFormatters();
  const { can } = usePermissions();
  const { webhooks } = useAdminClients();
  const invalidate = useInvalidateAdmin();
  const reportProblem = useReportProblem();
  const redeliver = useMutation({
    mutationFn: () => redeliverWebhook({ client: webhooks, path: { id: delivery.id }, throwOnError: true }),
    onSuccess: () => toast.success(t('webhooks.redelivering')),
    onError: reportProblem,
    onSettled: () => invalidate('webhook-deliveries'),
  });
  return (
    <TableRow>
      <TableCell className="font-mono text-xs">{delivery.eventType}</TableCell>
      <TableCell>
        <Badge variant={statusVariant[delivery.status]}>{t(`webhooks.status.${delivery.status}`)}</Badge>
      </TableCell>
      <TableCell className="text-end tabular-nums">{format.number(delivery.attempts)}</TableCell>
      <TableCell className="tabular-nums">
        {delivery.lastResponseStatus ?? '—'}
        {delivery.lastLatencyMs === null ? '' : ` · ${format.number(delivery.lastLatencyMs)} ms`}
      </TableCell>
      <TableCell className="whitespace-normal text-muted-foreground">{delivery.lastError ?? '—'}</TableCell>
      <TableCell>{format.dateTime(delivery.createdAt)}</TableCell>
      <TableCell>
        {can(webhooksManagePermission) && (
          <Button
            size="sm"
            variant="outline"
            disabled={delivery.status === 'pending' || redeliver.isPending}
            onClick={() => redeliver.mutate()}
          >
            {t('webhooks.redeliver')}
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}

/**
 * One endpoint's delivery log, newest first: event, status, attempts, the last answer and its
 * latency, the last error, a page at a time; *Redeliver* sends a delivered or failed one again.
 *
 * @example
 * <WebhookDeliveriesCard endpoint={endpoint} />
 */
export function WebhookDeliveriesCard({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t } = useTranslation('admin');
  const { webhooks } = useAdminClients();
  const key = useAdminKey();
  const deliveries = useInfiniteQuery({
    queryKey: key('webhook-deliveries', endpoint.id),
    refetchInterval: deliveriesRefreshMs,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      (
        await listWebhookDeliveries({
          client: webhooks,
          signal,
          path: { id: endpoint.id },
          query: { pageSize: deliveriesPageSize, ...(pageParam === undefined ? {} : { cursor: pageParam }) },
          throwOnError: true,
        })
      ).data,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = deliveries.data?.pages.flatMap((page) => page.items);
  const title = t('webhooks.deliveriesOf', { url: endpoint.url });
  return (
    <SectionCard title={title} description={t('webhooks.deliveriesDescription')}>
      {items === undefined ? (
        <QueryState query={deliveries} />
      ) : items.length === 0 ? (
        <EmptyState icon={<Send />} title={t('webhooks.noDeliveries')} />
      ) : (
        <AdminTable
          label={title}
          columns={[
            t('webhooks.event'),
            t('webhooks.statusColumn'),
            { label: t('webhooks.attempts'), className: 'text-end' },
            t('webhooks.lastResponse'),
            t('webhooks.lastError'),
            t('webhooks.createdAt'),
          ]}
          actions
        >
          {items.map((delivery) => (
            <DeliveryRow key={delivery.id} delivery={delivery} />
          ))}
        </AdminTable>
      )}
      {deliveries.hasNextPage && (
        <Button
          variant="outline"
          className="justify-self-center"
          loading={deliveries.isFetchingNextPage}
          onClick={() => void deliveries.fetchNextPage()}
        >
          {t('webhooks.loadMore')}
        </Button>
      )}
    </SectionCard>
  );
}
