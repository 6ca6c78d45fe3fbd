import {
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  sendWebhookTestEvent,
} from '@codexion/contracts/webhooks/client';
import type { WebhookEndpoint } from '@codexion/contracts/webhooks/types';
import {
  Badge,
  Button,
  Dialog,
  DialogContent,
  EmptyState,
  TableCell,
  TableRow,
  toast,
} from '@codexion/resources';
import { PageHeader, useFormatters, usePermissions, useReportProblem, useTranslation } from '@codexion/web';
import { useMutation } from '@tanstack/react-query';
import { Plus, Webhook } from 'lucide-react';
import { useState } from 'react';
import { useAdminClients, useAdminQuery, useInvalidateAdmin } from './admin-queries.js';
import { AdminTable } from './admin-table.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { CreateWebhookDialog } from './create-webhook-dialog.js';
import { QueryState } from './query-state.js';
import { SectionCard } from './section-card.js';
import { WebhookDeliveriesCard, webhooksManagePermission } from './webhook-deliveries-card.js';
import { WebhookSecretView } from './webhook-secret-view.js';

/** What a row's buttons ask the page to do. */
interface EndpointActions {
  onShow: (endpoint: WebhookEndpoint) => void;
  onRotate: (endpoint: WebhookEndpoint) => void;
  onDelete: (endpoint: WebhookEndpoint) => void;
}

function EndpointRow({
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
      <TableCell className="flex gap-2">
        <Button size="sm" variant="outline" onClick={() => actions.onShow(endpoint)}>
          {t('webhooks.deliveries')}
        </Button>
        {manage && (
          <>
            <Button size="sm" variant="outline" disabled={test.isPending} onClick={() => test.mutate()}>
              {t('webhooks.sendTest')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => actions.onRotate(endpoint)}>
              {t('webhooks.rotate')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => actions.onDelete(endpoint)}>
              {t('webhooks.delete')}
            </Button>
          </>
        )}
      </TableCell>
    </TableRow>
  );
}

/**
 * The tenant's outbound webhooks: its endpoints (URL, events, enabled), *New endpoint* (the secret
 * shown once), per endpoint a test event, a secret rotation (confirmed, the new secret shown once),
 * deletion (confirmed) and its delivery log with *Redeliver*. Through the generated webhooks SDK.
 */
export function WebhooksPage() {
  const { t } = useTranslation('admin');
  const { can } = usePermissions();
  const { webhooks } = useAdminClients();
  const invalidate = useInvalidateAdmin();
  const reportProblem = useReportProblem();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<string>();
  const [rotating, setRotating] = useState<WebhookEndpoint>();
  const [deleting, setDeleting] = useState<WebhookEndpoint>();
  const [secret, setSecret] = useState<string>();
  const endpoints = useAdminQuery('webhooks', (clients, signal) =>
    listWebhookEndpoints({ client: clients.webhooks, signal, throwOnError: true }),
  );
  const rotate = useMutation({
    mutationFn: async (endpoint: WebhookEndpoint) =>
      (await rotateWebhookSecret({ client: webhooks, path: { id: endpoint.id }, throwOnError: true })).data,
    onSuccess: (rotated) => setSecret(rotated.secret),
    onError: reportProblem,
  });
  const remove = useMutation({
    mutationFn: (endpoint: WebhookEndpoint) =>
      deleteWebhookEndpoint({ client: webhooks, path: { id: endpoint.id }, throwOnError: true }),
    onSuccess: (_, endpoint) => {
      if (shown === endpoint.id) setShown(undefined);
    },
    onError: reportProblem,
    onSettled: () => invalidate('webhooks'),
  });
  const items = endpoints.data?.items;
  const selected = items?.find((endpoint) => endpoint.id === shown);
  return (
    <div className="grid gap-6">
      <PageHeader
        title={t('webhooks.title')}
        description={t('webhooks.description')}
        actions={
          can(webhooksManagePermission) && (
            <Button onClick={() => setCreating(true)}>
              <Plus aria-hidden="true" />
              {t('webhooks.new')}
            </Button>
          )
        }
      />
      <SectionCard title={t('webhooks.endpoints')}>
        {items === undefined ? (
          <QueryState query={endpoints} />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<Webhook />}
            title={t('webhooks.empty')}
            description={t('webhooks.emptyDescription')}
          />
        ) : (
          <AdminTable
            label={t('webhooks.endpoints')}
            columns={[
              t('webhooks.url'),
              t('webhooks.events'),
              t('webhooks.statusColumn'),
              t('webhooks.descriptionField'),
              t('webhooks.createdAt'),
            ]}
            actions
          >
            {items.map((endpoint) => (
              <EndpointRow
                key={endpoint.id}
                endpoint={endpoint}
                selected={endpoint.id === shown}
                actions={{ onShow: (e) => setShown(e.id), onRotate: setRotating, onDelete: setDeleting }}
              />
            ))}
          </AdminTable>
        )}
      </SectionCard>
      {selected !== undefined && <WebhookDeliveriesCard endpoint={selected} />}
      <CreateWebhookDialog open={creating} onOpenChange={setCreating} />
      <ConfirmDialog
        open={rotating !== undefined}
        onOpenChange={(open) => {
          if (!open) setRotating(undefined);
        }}
        title={t('webhooks.rotateTitle')}
        description={t('webhooks.rotateDescription', { url: rotating?.url ?? '' })}
        confirmLabel={t('webhooks.rotate')}
        onConfirm={async () => {
          if (rotating !== undefined) await rotate.mutateAsync(rotating);
        }}
      />
      <Dialog
        open={secret !== undefined}
        onOpenChange={(open) => {
          if (!open) setSecret(undefined);
        }}
      >
        <DialogContent>
          {secret !== undefined && <WebhookSecretView secret={secret} onDone={() => setSecret(undefined)} />}
        </DialogContent>
      </Dialog>
      <ConfirmDialog
        open={deleting !== undefined}
        onOpenChange={(open) => {
          if (!open) setDeleting(undefined);
        }}
        title={t('webhooks.deleteTitle')}
        description={t('webhooks.deleteDescription', { url: deleting?.url ?? '' })}
        confirmLabel={t('webhooks.delete')}
        variant="danger"
        onConfirm={async () => {
          if (deleting !== undefined) await remove.mutateAsync(deleting);
        }}
      />
    </div>
  );
}
