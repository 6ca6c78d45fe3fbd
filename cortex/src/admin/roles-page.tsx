import { deleteRole, listPermissions } from '@codexion/contracts/tenancy/client';
import type { Role } from '@codexion/contracts/tenancy/types';
import { Badge, Button, TableCell, TableRow, toast } from '@codexion/resources';
import {
  PageHeader,
  PermissionButton,
  usePermissions,
  useReportProblem,
  useTranslation,
} from '@codexion/web';
import { useMutation } from '@tanstack/react-query';
import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useAdminClients, useAdminQuery, useInvalidateAdmin, useRoles } from './admin-queries.js';
import { AdminTable } from './admin-table.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { CreateRoleDialog } from './create-role-dialog.js';
import { PermissionMatrix } from './permission-matrix.js';
import { QueryState } from './query-state.js';
import { SectionCard } from './section-card.js';
import { roleDisplayName } from './use-role-names.js';

function RolesTable({ roles: given }: { roles: Role[] }) {
  const { t } = useTranslation('admin');
  const { can } = usePermissions();
  const { tenancy } = useAdminClients();
  const invalidate = useInvalidateAdmin();
  const reportProblem = useReportProblem();
  const [deleting, setDeleting] = useState<Role>();
  const roles = given.map((role) => ({ ...role, name: roleDisplayName(role, t) }));
  const remove = useMutation({
    mutationFn: (role: Role) => deleteRole({ client: tenancy, path: { key: role.key }, throwOnError: true }),
    onSuccess: async (_data, role) => {
      toast.success(t('roles.deleted', { name: role.name }));
      await invalidate('roles');
    },
    onError: reportProblem,
  });
  return (
    <>
      <AdminTable
        label={t('roles.listTitle')}
        columns={[
          t('roles.name'),
          t('roles.key'),
          t('roles.descriptionField'),
          { label: t('roles.members'), className: 'text-end' },
        ]}
        actions
      >
        {roles.map((role) => (
          <TableRow key={role.key}>
            <TableCell className="font-medium">
              <span className="flex items-center gap-2">
                {role.name}
                <Badge variant={role.builtIn ? 'secondary' : 'outline'}>
                  {role.builtIn ? t('roles.builtInBadge') : t('roles.customBadge')}
                </Badge>
              </span>
            </TableCell>
            <TableCell className="font-mono text-muted-foreground text-xs">{role.key}</TableCell>
            <TableCell className="whitespace-normal text-muted-foreground">
              {role.description ?? '—'}
            </TableCell>
            <TableCell className="text-end tabular-nums">{role.members}</TableCell>
            <TableCell className="text-end">
              {!role.builtIn && can('prefiq:role:delete') && (
                <Button
                  variant="ghost"
                  size="icon-sm"
                  aria-label={t('roles.delete', { name: role.name })}
                  onClick={() => setDeleting(role)}
                >
                  <Trash2 aria-hidden="true" />
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </AdminTable>
      <ConfirmDialog
        open={deleting !== undefined}
        onOpenChange={(open) => {
          if (!open) setDeleting(undefined);
        }}
        title={t('roles.deleteTitle', { name: deleting?.name ?? '' })}
        description={
          deleting && deleting.members > 0
            ? t('roles.deleteInUse', { count: deleting.members })
            : t('roles.deleteDescription')
        }
        confirmLabel={t('roles.deleteConfirm')}
        variant="danger"
        onConfirm={async () => {
          if (deleting) await remove.mutateAsync(deleting);
        }}
      />
    </>
  );
}

/**
 * Roles and the permission matrix: the built-in roles (read-only) and the tenant's own, which
 * are created here and edited cell by cell in the matrix.
 */
export function RolesPage() {
  const { t } = useTranslation('admin');
  const roles = useRoles();
  const catalog = useAdminQuery('permissions', ({ tenancy }, signal) =>
    listPermissions({ client: tenancy, signal, throwOnError: true }),
  );
  const [creating, setCreating] = useState(false);
  const items = roles.data?.items ?? [];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('roles.title')}
        description={t('roles.description')}
        actions={
          <PermissionButton permission="prefiq:role:create" onClick={() => setCreating(true)}>
            <Plus aria-hidden="true" />
            {t('roles.create')}
          </PermissionButton>
        }
      />
      <SectionCard title={t('roles.listTitle')} description={t('roles.listDescription')}>
        {roles.data === undefined ? <QueryState query={roles} /> : <RolesTable roles={items} />}
      </SectionCard>
      <SectionCard title={t('roles.matrix.title')} description={t('roles.matrix.description')}>
        {roles.data === undefined || catalog.data === undefined ? (
          <QueryState query={roles.data === undefined ? roles : catalog} className="h-64" />
        ) : (
          <PermissionMatrix
            roles={items.map((role) => ({ ...role, name: roleDisplayName(role, t) }))}
            catalog={catalog.data.items}
          />
        )}
      </SectionCard>
      <CreateRoleDialog open={creating} onOpenChange={setCreating} roles={items} />
    </div>
  );
}
