import {
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
} from '@codexion/contracts/webhooks/client';
import type { WebhookEndpoint } from '@codexion/contracts/webhooks/types';
import { Button, Dialog, DialogContent, EmptyState } from '@codexion/resources';
import { PageHeader, usePermissions, useReportProblem, useTranslation } from '@codexion/web';
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
import { WebhookEndpointRow } from './webhook-endpoint-row.js';
import { WebhookSecretView } from './webhook-secret-view.js';

/**
 * The tenant's outbound webhooks: its endpoints (URL, events, enabled), *New endpoint* (the secret
 * shown once), per endpoint a test event, disabling or enabling it, a secret rotation (confirmed, the new secret shown once),
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
    <div className="grid grid-cols-1 gap-6">
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
              <WebhookEndpointRow
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
