import { changeMemberRole, removeMember } from '@codexion/contracts/tenancy/client';
import type { Member } from '@codexion/contracts/tenancy/types';
import { Badge, Button, EmptyState, OptionSelect, TableCell, TableRow, toast } from '@codexion/resources';
import {
  useFieldErrors,
  useFormatters,
  usePermissions,
  useReportProblem,
  useTranslation,
} from '@codexion/web';
import { useMutation } from '@tanstack/react-query';
import { Trash2, Users } from 'lucide-react';
import { useId, useState } from 'react';
import { useSession } from '../shell/session-context.js';
import { useAdminClients, useInvalidateAdmin, useMembers } from './admin-queries.js';
import { AdminTable } from './admin-table.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { QueryState } from './query-state.js';
import { SectionCard } from './section-card.js';
import { type RoleOption, useRoleNames } from './use-role-names.js';

function MemberRow({ member, roles }: { member: Member; roles: RoleOption[] }) {
  const { t } = useTranslation('admin');
  const format = useFormatters();
  const { can } = usePermissions();
  const { tenancy } = useAdminClients();
  const { user } = useSession();
  const invalidate = useInvalidateAdmin();
  const reportProblem = useReportProblem();
  const fieldErrors = useFieldErrors(['role'] as const);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const errorId = useId();
  const roleName = roles.find((role) => role.key === member.role)?.name ?? member.role;
  const isYou = member.userId === user.id;

  const changeRole = useMutation({
    mutationFn: (role: string) =>
      changeMemberRole({
        client: tenancy,
        path: { userId: member.userId },
        body: { role },
        throwOnError: true,
      }),
    onSuccess: async (_data, role) => {
      fieldErrors.clear();
      toast.success(
        t('users.roleChanged', { name: member.name, role: roles.find((r) => r.key === role)?.name ?? role }),
      );
      await invalidate('members', 'roles');
    },
    onError: fieldErrors.report,
  });
  const remove = useMutation({
    mutationFn: () => removeMember({ client: tenancy, path: { userId: member.userId }, throwOnError: true }),
    onSuccess: async () => {
      toast.success(t('users.removed', { name: member.name }));
      await invalidate('members', 'roles');
    },
    onError: reportProblem,
  });

  return (
    <TableRow>
      <TableCell className="font-medium">
        <span className="flex items-center gap-2">
          {member.name}
          {isYou && <Badge variant="secondary">{t('users.you')}</Badge>}
        </span>
      </TableCell>
      <TableCell className="text-muted-foreground">{member.email}</TableCell>
      <TableCell>
        {can('prefiq:member:update') ? (
          <div className="grid gap-1">
            <OptionSelect
              size="sm"
              className="min-w-32"
              aria-label={t('users.roleOf', { name: member.name })}
              aria-invalid={fieldErrors.errors.role ? true : undefined}
              aria-describedby={fieldErrors.errors.role ? errorId : undefined}
              value={member.role}
              disabled={changeRole.isPending}
              onValueChange={(role) => changeRole.mutate(role)}
              options={roles.map((role) => ({ value: role.key, label: role.name }))}
            />
            {fieldErrors.errors.role && (
              <p id={errorId} className="font-medium text-danger text-xs">
                {fieldErrors.errors.role}
              </p>
            )}
          </div>
        ) : (
          <Badge variant="outline">{roleName}</Badge>
        )}
      </TableCell>
      <TableCell className="text-muted-foreground">{format.dateTime(member.since)}</TableCell>
      <TableCell className="text-end">
        {can('prefiq:member:delete') && (
          <>
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label={t('users.remove', { name: member.name })}
              onClick={() => setConfirmRemove(true)}
            >
              <Trash2 aria-hidden="true" />
            </Button>
            <ConfirmDialog
              open={confirmRemove}
              onOpenChange={setConfirmRemove}
              title={t('users.removeTitle', { name: member.name })}
              description={isYou ? t('users.removeYourself') : t('users.removeDescription')}
              confirmLabel={t('users.removeConfirm')}
              variant="danger"
              onConfirm={() => remove.mutateAsync()}
            />
          </>
        )}
      </TableCell>
    </TableRow>
  );
}

/**
 * The tenant's members: name, email, role (changed in place by those who may), since when, and
 * removal after a confirmation.
 *
 * @example
 * <MembersCard />
 */
export function MembersCard() {
  const { t } = useTranslation('admin');
  const members = useMembers();
  const { options } = useRoleNames();
  const items = members.data?.items ?? [];
  return (
    <SectionCard
      title={t('users.members')}
      description={t('users.membersDescription', { count: items.length })}
    >
      {members.data === undefined ? (
        <QueryState query={members} />
      ) : items.length === 0 ? (
        <EmptyState icon={<Users />} title={t('users.noMembers')} />
      ) : (
        <AdminTable
          label={t('users.members')}
          columns={[t('users.name'), t('users.email'), t('users.role'), t('users.joined')]}
          actions
        >
          {items.map((member) => (
            <MemberRow key={member.userId} member={member} roles={options} />
          ))}
        </AdminTable>
      )}
    </SectionCard>
  );
}
