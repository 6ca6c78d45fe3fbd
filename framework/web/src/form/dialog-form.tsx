import { Button, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@codexion/resources';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface DialogFormProps {
  title: ReactNode;
  description: ReactNode;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  /** the submit button's look: `danger` for what cannot be undone */
  variant?: 'default' | 'danger';
  busy?: boolean;
  submitDisabled?: boolean;
  /** the fields */
  children?: ReactNode;
}

/**
 * The body of a dialog that asks for something: title, description, the fields, and
 * Cancel beside the submit button. Put it in a `DialogContent`.
 *
 * @example
 * <DialogContent>
 *   <DialogForm title="New tenant" description="…" submitLabel="Create" onSubmit={create} onCancel={close}>
 *     <FormField label="Name"><Input /></FormField>
 *   </DialogForm>
 * </DialogContent>
 */
export function DialogForm({
  title,
  description,
  submitLabel,
  onSubmit,
  onCancel,
  variant = 'default',
  busy = false,
  submitDisabled = false,
  children,
}: DialogFormProps) {
  const { t } = useTranslation('codexion');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form noValidate onSubmit={submit} className="grid gap-4">
      <DialogHeader>
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>{description}</DialogDescription>
      </DialogHeader>
      {children}
      <DialogFooter>
        <Button variant="outline" onClick={onCancel}>
          {t('actions.cancel')}
        </Button>
        <Button type="submit" variant={variant} disabled={submitDisabled} loading={busy}>
          {submitLabel}
        </Button>
      </DialogFooter>
    </form>
  );
}
