import { createRole } from '@codexion/contracts/tenancy/client';
import type { Role } from '@codexion/contracts/tenancy/types';
import { Dialog, DialogContent, FormField, Input, Textarea, toast } from '@codexion/resources';
import { DialogForm, useFieldErrors, useTranslation } from '@codexion/web';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useAdminClients, useInvalidateAdmin } from './admin-queries.js';
import { SelectField } from './select-field.js';

export interface CreateRoleDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** the roles whose permissions the new one may start from */
  roles: Role[];
}

/** No role to start from: the new role holds nothing until its cells are checked. */
const startEmpty = '\u0000none';

/**
 * A suggested role key from its name: `Sales rep` → `sales-rep` (what `tenancy/roles` accepts:
 * lower-case, digits and dashes, starting with a letter).
 *
 * @example
 * roleKeyOf('Sales Rep (EU)') // 'sales-rep-eu'
 */
export function roleKeyOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 63);
}

/**
 * Creates a custom role: key, name, description and, optionally, the permissions of an existing
 * role to start from. The server's field errors show on their fields.
 *
 * @example
 * <CreateRoleDialog open={open} onOpenChange={setOpen} roles={roles.items} />
 */
export function CreateRoleDialog({ open, onOpenChange, roles }: CreateRoleDialogProps) {
  const { t } = useTranslation('admin');
  const { tenancy } = useAdminClients();
  const invalidate = useInvalidateAdmin();
  const fieldErrors = useFieldErrors(['key', 'name', 'description', 'permissions'] as const);
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [keyEdited, setKeyEdited] = useState(false);
  const [description, setDescription] = useState('');
  const [from, setFrom] = useState(startEmpty);

  const create = useMutation({
    mutationFn: async (body: { key: string; name: string; description?: string; permissions: string[] }) =>
      (await createRole({ client: tenancy, body, throwOnError: true })).data,
    onSuccess: async (role) => {
      toast.success(t('roles.created', { name: role.name }));
      change(false);
      await invalidate('roles');
    },
    onError: fieldErrors.report,
  });

  function change(next: boolean) {
    if (!next) {
      setName('');
      setKey('');
      setKeyEdited(false);
      setDescription('');
      setFrom(startEmpty);
      fieldErrors.clear();
    }
    onOpenChange(next);
  }
  const submit = () => {
    fieldErrors.clear();
    if (name.trim() === '') fieldErrors.set('name', t('common.required'));
    if (key.trim() === '') fieldErrors.set('key', t('common.required'));
    if (name.trim() === '' || key.trim() === '') return;
    const permissions = roles.find((role) => role.key === from)?.permissions ?? [];
    create.mutate({
      key: key.trim(),
      name: name.trim(),
      ...(description.trim() === '' ? {} : { description: description.trim() }),
      // the owner's list spells out everything; a custom role takes the same names
      permissions: permissions.filter((permission) => permission !== '*'),
    });
  };

  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogContent>
        <DialogForm
          title={t('roles.createTitle')}
          description={t('roles.createDescription')}
          submitLabel={t('roles.create')}
          busy={create.isPending}
          onSubmit={submit}
          onCancel={() => change(false)}
        >
          <FormField label={t('roles.name')} error={fieldErrors.errors.name} required>
            <Input
              value={name}
              onChange={(event) => {
                setName(event.target.value);
                if (!keyEdited) setKey(roleKeyOf(event.target.value));
              }}
            />
          </FormField>
          <FormField
            label={t('roles.key')}
            description={t('roles.keyHint')}
            error={fieldErrors.errors.key}
            required
          >
            <Input
              value={key}
              className="font-mono"
              onChange={(event) => {
                setKey(event.target.value);
                setKeyEdited(true);
              }}
            />
          </FormField>
          <FormField label={t('roles.descriptionField')} error={fieldErrors.errors.description}>
            <Textarea rows={2} value={description} onChange={(event) => setDescription(event.target.value)} />
          </FormField>
          <SelectField
            label={t('roles.startFrom')}
            value={from}
            onValueChange={setFrom}
            options={[
              { value: startEmpty, label: t('roles.startEmpty') },
              ...roles.map((role) => ({ value: role.key, label: role.name })),
            ]}
            error={fieldErrors.errors.permissions}
          />
        </DialogForm>
      </DialogContent>
    </Dialog>
  );
}
