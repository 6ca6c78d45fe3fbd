import { Dialog, DialogContent, FormField, Input, toast } from '@codexion/resources';
import { DialogForm, useFieldErrors, useTranslation } from '@codexion/web';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { createInvitation } from '../../core/generated/client/sdk.gen.js';
import { useAdminClients, useInvalidateAdmin } from './admin-queries.js';
import { CopyValueView } from './copy-value-view.js';
import { SelectField } from './select-field.js';
import { useRoleNames } from './use-role-names.js';

export interface InviteDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** The invitation link as the invitee opens it: the console's own origin. */
function absoluteLink(link: string): string {
  return new URL(link, window.location.origin).href;
}

/**
 * Invites someone by email with a role, then shows the invitation link to copy (the email goes
 * out too, when the server has an email transport).
 *
 * @example
 * <InviteDialog open={open} onOpenChange={setOpen} />
 */
export function InviteDialog({ open, onOpenChange }: InviteDialogProps) {
  const { t } = useTranslation('admin');
  const { cortex } = useAdminClients();
  const invalidate = useInvalidateAdmin();
  const { options } = useRoleNames();
  const fieldErrors = useFieldErrors(['email', 'role'] as const);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('member');
  const [link, setLink] = useState<string>();

  const invite = useMutation({
    mutationFn: async (body: { email: string; role: string }) =>
      (await createInvitation({ client: cortex, body, throwOnError: true })).data,
    onSuccess: async (created) => {
      fieldErrors.clear();
      setLink(absoluteLink(created.link));
      toast.success(t('invite.sent', { email: created.invitation.email }));
      await invalidate('invitations');
    },
    onError: fieldErrors.report,
  });

  const change = (next: boolean) => {
    if (!next) {
      setEmail('');
      setRole('member');
      setLink(undefined);
      fieldErrors.clear();
    }
    onOpenChange(next);
  };
  const submit = () => {
    const trimmed = email.trim();
    if (trimmed === '') {
      fieldErrors.set('email', t('common.required'));
      return;
    }
    invite.mutate({ email: trimmed, role });
  };
  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogContent>
        {link === undefined ? (
          <DialogForm
            title={t('invite.title')}
            description={t('invite.description')}
            submitLabel={t('invite.submit')}
            busy={invite.isPending}
            onSubmit={submit}
            onCancel={() => change(false)}
          >
            <FormField label={t('invite.email')} error={fieldErrors.errors.email} required>
              <Input
                type="email"
                autoComplete="off"
                value={email}
                onChange={(event) => {
                  setEmail(event.target.value);
                  fieldErrors.set('email');
                }}
              />
            </FormField>
            <SelectField
              label={t('invite.role')}
              value={role}
              onValueChange={setRole}
              options={options.map((option) => ({ value: option.key, label: option.name }))}
              error={fieldErrors.errors.role}
              required
            />
          </DialogForm>
        ) : (
          <CopyValueView
            title={t('invite.linkTitle')}
            description={t('invite.linkDescription')}
            label={t('invite.link')}
            value={link}
            copyLabel={t('invite.copy')}
            copiedMessage={t('invite.copied')}
            failedMessage={t('invite.copyFailed')}
            onDone={() => change(false)}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}
