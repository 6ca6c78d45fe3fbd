import { Dialog, DialogContent, FormField, Input } from '@codexion/resources';
import { DialogForm, useTranslation } from '@codexion/web';
import { type ReactNode, useState } from 'react';

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  /** the action to confirm; the dialog closes once it resolves, stays open when it throws */
  onConfirm: () => Promise<unknown>;
  /** `danger` for what cannot be undone */
  variant?: 'default' | 'danger';
  /**
   * A strong confirmation: the user types this text (a tenant's name) before the button
   * enables.
   */
  typeToConfirm?: string;
}

/**
 * Asks before an admin action that removes, revokes or switches something off.
 *
 * @example
 * <ConfirmDialog open={open} onOpenChange={setOpen} title="Remove Ada?" description="…"
 *   confirmLabel="Remove" variant="danger" onConfirm={() => remove.mutateAsync(ada.userId)} />
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  onConfirm,
  variant = 'default',
  typeToConfirm,
}: ConfirmDialogProps) {
  const { t } = useTranslation('admin');
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const confirmed = typeToConfirm === undefined || typed.trim() === typeToConfirm;

  const change = (next: boolean) => {
    if (!next) setTyped('');
    onOpenChange(next);
  };
  const submit = async () => {
    if (!confirmed) return;
    setBusy(true);
    try {
      await onConfirm();
      change(false);
    } catch {
      // the caller reported the problem; the dialog stays so the user can cancel or retry
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogContent>
        <DialogForm
          title={title}
          description={description}
          submitLabel={confirmLabel}
          variant={variant}
          busy={busy}
          submitDisabled={!confirmed}
          onSubmit={() => void submit()}
          onCancel={() => change(false)}
        >
          {typeToConfirm !== undefined && (
            <FormField label={t('confirm.typeToConfirm', { text: typeToConfirm })}>
              <Input value={typed} autoComplete="off" onChange={(event) => setTyped(event.target.value)} />
            </FormField>
          )}
        </DialogForm>
      </DialogContent>
    </Dialog>
  );
}
