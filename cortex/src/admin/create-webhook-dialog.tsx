import { createWebhookEndpoint, listWebhookEventTypes } from '@codexion/contracts/webhooks/client';
import { Checkbox, Dialog, DialogContent, FormField, Input, Textarea, toast } from '@codexion/resources';
import { DialogForm, useFieldErrors, useTranslation } from '@codexion/web';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useAdminClients, useAdminQuery, useInvalidateAdmin } from './admin-queries.js';
import { WebhookSecretView } from './webhook-secret-view.js';

export interface CreateWebhookDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * Subscribes a URL to events: the URL, a description and the event types (each declared event, or
 * an app's `app.*`), then shows the signing secret once. The server's field errors (an http URL in
 * production, credentials in the URL) show on their fields.
 *
 * @example
 * <CreateWebhookDialog open={open} onOpenChange={setOpen} />
 */
export function CreateWebhookDialog({ open, onOpenChange }: CreateWebhookDialogProps) {
  const { t } = useTranslation('admin');
  const { webhooks } = useAdminClients();
  const invalidate = useInvalidateAdmin();
  const fieldErrors = useFieldErrors(['url', 'description', 'eventTypes'] as const);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<string[]>([]);
  const [secret, setSecret] = useState<string>();
  const idPrefix = useId();
  const catalogue = useAdminQuery(
    'webhook-event-types',
    (clients, signal) => listWebhookEventTypes({ client: clients.webhooks, signal, throwOnError: true }),
    { enabled: open },
  );

  const create = useMutation({
    mutationFn: async (body: { url: string; description?: string; eventTypes: string[] }) =>
      (await createWebhookEndpoint({ client: webhooks, body, throwOnError: true })).data,
    onSuccess: async (created) => {
      fieldErrors.clear();
      setSecret(created.secret);
      toast.success(t('webhooks.created', { url: created.endpoint.url }));
      await invalidate('webhooks');
    },
    onError: fieldErrors.report,
  });

  const change = (next: boolean) => {
    if (!next) {
      setUrl('');
      setDescription('');
      setEventTypes([]);
      setSecret(undefined);
      fieldErrors.clear();
    }
    onOpenChange(next);
  };
  const submit = () => {
    fieldErrors.clear();
    if (url.trim() === '') fieldErrors.set('url', t('common.required'));
    if (eventTypes.length === 0) fieldErrors.set('eventTypes', t('webhooks.pickEvents'));
    if (url.trim() === '' || eventTypes.length === 0) return;
    create.mutate({
      url: url.trim(),
      eventTypes,
      ...(description.trim() === '' ? {} : { description: description.trim() }),
    });
  };
  const toggle = (type: string, on: boolean) =>
    setEventTypes((previous) => (on ? [...previous, type] : previous.filter((p) => p !== type)));

  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogContent>
        {secret === undefined ? (
          <DialogForm
            title={t('webhooks.createTitle')}
            description={t('webhooks.createDescription')}
            submitLabel={t('webhooks.create')}
            busy={create.isPending}
            onSubmit={submit}
            onCancel={() => change(false)}
          >
            <FormField
              label={t('webhooks.url')}
              description={t('webhooks.urlHint')}
              error={fieldErrors.errors.url}
              required
            >
              <Input
                type="url"
                autoComplete="off"
                value={url}
                onChange={(event) => {
                  setUrl(event.target.value);
                  fieldErrors.set('url');
                }}
              />
            </FormField>
            <FormField label={t('webhooks.descriptionField')} error={fieldErrors.errors.description}>
              <Textarea
                rows={2}
                value={description}
                onChange={(event) => setDescription(event.target.value)}
              />
            </FormField>
            <fieldset className="grid gap-2">
              <legend className="mb-2 font-medium text-sm">{t('webhooks.events')}</legend>
              {(catalogue.data?.items ?? []).map((type) => (
                <div key={type} className="flex items-center gap-2">
                  <Checkbox
                    id={`${idPrefix}-${type}`}
                    checked={eventTypes.includes(type)}
                    onCheckedChange={(checked) => toggle(type, checked === true)}
                  />
                  <label htmlFor={`${idPrefix}-${type}`} className="font-mono text-xs">
                    {type}
                  </label>
                </div>
              ))}
              {fieldErrors.errors.eventTypes !== undefined && (
                <p role="alert" className="text-danger text-sm">
                  {fieldErrors.errors.eventTypes}
                </p>
              )}
            </fieldset>
          </DialogForm>
        ) : (
          <WebhookSecretView secret={secret} onDone={() => change(false)} />
        )}
      </DialogContent>
    </Dialog>
  );
}
