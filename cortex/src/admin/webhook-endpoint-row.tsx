import { sendWebhookTestEvent, updateWebhookEndpoint } from '@codexion/contracts/webhooks/client';
import type { WebhookEndpoint } from '@codexion/contracts/webhooks/types';
import {
  Badge,
  Button,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
  TableCell,
  TableRow,
  toast,
} from '@codexion/resources';
import { useFormatters, usePermissions, useReportProblem, useTranslation } from '@codexion/web';
import { useMutation } from '@tanstack/react-query';
import { MoreHorizontal } from 'lucide-react';
import { useAdminClients, useInvalidateAdmin } from './admin-queries.js';
import { webhooksManagePermission } from './webhook-deliveries-card.js';

/** What a row's buttons ask the page to do. */
export interface EndpointActions {
  onShow: (endpoint: WebhookEndpoint) => void;
  onRotate: (endpoint: WebhookEndpoint) => void;
  onDelete: (endpoint: WebhookEndpoint) => void;
}

/**
 * One endpoint of the webhooks page: URL, events, status, description, created; *Deliveries*
 * for everyone who reads, and for managers *Send test* and a menu of *Disable* or *Enable*,
 * *Rotate secret* and *Delete* (the last two confirmed by the page).
 *
 * @example
 * <WebhookEndpointRow endpoint={endpoint} selected={false} actions={{ onShow, onRotate, onDelete }} />
 */
export function WebhookEndpointRow({
  endpoint,
  selected,
  actions,
}: {
  endpoint: WebhookEndpoint;
  selected: boolean;
  actions: EndpointActions;
}) {
  const { t } = useTranslation('admin');
  const format = useFormatters();
  const { can } = usePermissions();
  const { webhooks } = useAdminClients();
  const invalidate = useInvalidateAdmin();
  const reportProblem = useReportProblem();
  const test = useMutation({
    mutationFn: () =>
      sendWebhookTestEvent({ client: webhooks, path: { id: endpoint.id }, throwOnError: true }),
    onSuccess: () => toast.success(t('webhooks.testSent', { url: endpoint.url })),
    onError: reportProblem,
    onSettled: () => invalidate('webhook-deliveries'),
  });
  const toggle = useMutation({
    mutationFn: () =>
      updateWebhookEndpoint({
        client: webhooks,
        path: { id: endpoint.id },
        body: { enabled: !endpoint.enabled },
        throwOnError: true,
      }),
    onError: reportProblem,
    onSettled: () => invalidate('webhooks'),
  });
  const manage = can(webhooksManagePermission);
  return (
    <TableRow aria-selected={selected}>
      <TableCell className="max-w-xs truncate font-mono text-xs">{endpoint.url}</TableCell>
      <TableCell className="whitespace-normal font-mono text-xs">{endpoint.eventTypes.join(', ')}</TableCell>
      <TableCell>
        <Badge variant={endpoint.enabled ? 'success' : 'secondary'}>
          {endpoint.enabled ? t('webhooks.enabled') : t('webhooks.disabled')}
        </Badge>
      </TableCell>
      <TableCell className="text-muted-foreground">{endpoint.description ?? '—'}</TableCell>
      <TableCell>{format.dateTime(endpoint.createdAt)}</TableCell>
      <TableCell className="flex items-center gap-2">
        <Button size="sm" variant="outline" onClick={() => actions.onShow(endpoint)}>
          {t('webhooks.deliveries')}
        </Button>
        {manage && (
          <>
            <Button size="sm" variant="outline" disabled={test.isPending} onClick={() => test.mutate()}>
              {t('webhooks.sendTest')}
            </Button>
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={t('webhooks.moreActions', { url: endpoint.url })}
                >
                  <MoreHorizontal aria-hidden="true" />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end">
                <DropdownMenuItem disabled={toggle.isPending} onSelect={() => toggle.mutate()}>
                  {endpoint.enabled ? t('webhooks.disable') : t('webhooks.enable')}
                </DropdownMenuItem>
                <DropdownMenuItem onSelect={() => actions.onRotate(endpoint)}>
                  {t('webhooks.rotate')}
                </DropdownMenuItem>
                <DropdownMenuItem variant="danger" onSelect={() => actions.onDelete(endpoint)}>
                  {t('webhooks.delete')}
                </DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
          </>
        )}
      </TableCell>
    </TableRow>
  );
}
