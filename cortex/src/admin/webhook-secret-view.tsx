import { useTranslation } from '@codexion/web';
import { CopyValueView } from './copy-value-view.js';

export interface WebhookSecretViewProps {
  /** the `whsec_…` secret, as the create or rotate answer gave it */
  secret: string;
  onDone: () => void;
}

/**
 * An endpoint's signing secret, shown the one time the server gives it (on create and on rotate),
 * to copy into the receiver; inside a dialog.
 *
 * @example
 * <DialogContent><WebhookSecretView secret={secret} onDone={close} /></DialogContent>
 */
export function WebhookSecretView({ secret, onDone }: WebhookSecretViewProps) {
  const { t } = useTranslation('admin');
  return (
    <CopyValueView
      title={t('webhooks.secretTitle')}
      description={t('webhooks.secretDescription')}
      label={t('webhooks.secret')}
      value={secret}
      mono
      copyLabel={t('webhooks.copy')}
      copiedMessage={t('webhooks.secretCopied')}
      failedMessage={t('webhooks.copyFailed')}
      onDone={onDone}
    />
  );
}
