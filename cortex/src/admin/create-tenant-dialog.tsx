import {
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  FormField,
  Input,
  toast,
} from '@codexion/resources';
import { DialogForm, useFieldErrors, useReportProblem, useTranslation } from '@codexion/web';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { createTenant } from '../../core/generated/client/sdk.gen.js';
import type { CreateTenantResponse } from '../../core/generated/client/types.gen.js';
import { useSession } from '../shell/session-context.js';
import { useAdminClients, useInvalidateAdmin } from './admin-queries.js';

export interface CreateTenantDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * Creates a tenant the caller owns (every app enabled), then offers to switch to it.
 *
 * @example
 * <CreateTenantDialog open={open} onOpenChange={setOpen} />
 */
export function CreateTenantDialog({ open, onOpenChange }: CreateTenantDialogProps) {
  const { t } = useTranslation('admin');
  const { cortex } = useAdminClients();
  const session = useSession();
  const invalidate = useInvalidateAdmin();
  const reportProblem = useReportProblem();
  const fieldErrors = useFieldErrors(['name'] as const);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreateTenantResponse>();
  const [switching, setSwitching] = useState(false);

  const create = useMutation({
    mutationFn: async (body: { name: string }) =>
      (await createTenant({ client: cortex, body, throwOnError: true })).data,
    onSuccess: async (tenant) => {
      fieldErrors.clear();
      setCreated(tenant);
      await Promise.all([invalidate('memberships'), session.refresh()]);
    },
    onError: fieldErrors.report,
  });

  const change = (next: boolean) => {
    if (!next) {
      setName('');
      setCreated(undefined);
      fieldErrors.clear();
    }
    onOpenChange(next);
  };
  const submit = () => {
    if (name.trim() === '') {
      fieldErrors.set('name', t('common.required'));
      return;
    }
    create.mutate({ name: name.trim() });
  };
  const switchNow = async () => {
    if (!created) return;
    setSwitching(true);
    try {
      await session.switchTenant(created.id);
      toast.success(t('tenants.switched', { name: created.name }));
      change(false);
    } catch (error) {
      reportProblem(error);
    } finally {
      setSwitching(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogContent>
        {created === undefined ? (
          <DialogForm
            title={t('tenants.createTitle')}
            description={t('tenants.createDescription')}
            submitLabel={t('tenants.create')}
            busy={create.isPending}
            onSubmit={submit}
            onCancel={() => change(false)}
          >
            <FormField label={t('tenants.name')} error={fieldErrors.errors.name} required>
              <Input value={name} onChange={(event) => setName(event.target.value)} />
            </FormField>
          </DialogForm>
        ) : (
          <div className="grid gap-4">
            <DialogHeader>
              <DialogTitle>{t('tenants.createdTitle', { name: created.name })}</DialogTitle>
              <DialogDescription>{t('tenants.createdDescription')}</DialogDescription>
            </DialogHeader>
            <DialogFooter>
              <Button variant="outline" onClick={() => change(false)}>
                {t('tenants.stayHere')}
              </Button>
              <Button loading={switching} onClick={() => void switchNow()}>
                {t('tenants.switchTo', { name: created.name })}
              </Button>
            </DialogFooter>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
