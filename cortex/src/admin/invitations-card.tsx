import { Badge, type BadgeProps, Button, EmptyState, TableCell, TableRow, toast } from '@codexion/resources';
import { useFormatters, usePermissions, useReportProblem, useTranslation } from '@codexion/web';
import { useMutation } from '@tanstack/react-query';
import { Ban, Mail } from 'lucide-react';
import { useState } from 'react';
import { listInvitations, revokeInvitation } from '../../core/generated/client/sdk.gen.js';
import type { InvitationInfo } from '../../core/generated/client/types.gen.js';
import { useAdminClients, useAdminQuery, useInvalidateAdmin, useMembers } from './admin-queries.js';
import { AdminTable } from './admin-table.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { QueryState } from './query-state.js';
import { SectionCard } from './section-card.js';
import { useRoleNames } from './use-role-names.js';

const statusVariant: Record<InvitationInfo['status'], BadgeProps['variant']> = {
  pending: 'info',
  accepted: 'success',
  revoked: 'outline',
  expired: 'warning',
};

/**
 * The tenant's invitations, pending ones first, each revocable while pending.
 *
 * @example
 * <InvitationsCard />
 */
export function InvitationsCard() {
  const { t } = useTranslation('admin');
  const format = useFormatters();
  const { can } = usePermissions();
  const { cortex } = useAdminClients();
  const invalidate = useInvalidateAdmin();
  const reportProblem = useReportProblem();
  const { nameOf } = useRoleNames();
  const invitations = useAdminQuery('invitations', ({ cortex }, signal) =>
    listInvitations({ client: cortex, signal, throwOnError: true }),
  );
  const members = useMembers();
  const [revoking, setRevoking] = useState<InvitationInfo>();

  const revoke = useMutation({
    mutationFn: (invitation: InvitationInfo) =>
      revokeInvitation({ client: cortex, path: { id: invitation.id }, throwOnError: true }),
    onSuccess: async (_data, invitation) => {
      toast.success(t('invitations.revoked', { email: invitation.email }));
      await invalidate('invitations');
    },
    onError: reportProblem,
  });

  const inviter = (userId: string | null) =>
    members.data?.items.find((member) => member.userId === userId)?.name ?? userId ?? '—';
  // pending first, each group newest first
  const items = [...(invitations.data?.items ?? [])].sort(
    (a, b) =>
      Number(b.status === 'pending') - Number(a.status === 'pending') ||
      b.createdAt.localeCompare(a.createdAt),
  );

  return (
    <SectionCard title={t('invitations.title')} description={t('invitations.description')}>
      {invitations.data === undefined ? (
        <QueryState query={invitations} />
      ) : items.length === 0 ? (
        <EmptyState icon={<Mail />} title={t('invitations.none')} />
      ) : (
        <AdminTable
          label={t('invitations.title')}
          columns={[
            t('invitations.email'),
            t('invitations.role'),
            t('invitations.status'),
            t('invitations.expires'),
            t('invitations.invitedBy'),
          ]}
          actions
        >
          {items.map((invitation) => (
            <TableRow key={invitation.id}>
              <TableCell className="font-medium">{invitation.email}</TableCell>
              <TableCell>{nameOf(invitation.role)}</TableCell>
              <TableCell>
                <Badge variant={statusVariant[invitation.status]}>
                  {t(`invitations.statuses.${invitation.status}`)}
                </Badge>
              </TableCell>
              <TableCell className="text-muted-foreground">{format.dateTime(invitation.expiresAt)}</TableCell>
              <TableCell className="text-muted-foreground">{inviter(invitation.invitedBy)}</TableCell>
              <TableCell className="text-end">
                {invitation.status === 'pending' && can('cortex:invitation:revoke') && (
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={t('invitations.revoke', { email: invitation.email })}
                    onClick={() => setRevoking(invitation)}
                  >
                    <Ban aria-hidden="true" />
                    {t('invitations.revokeShort')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </AdminTable>
      )}
      <ConfirmDialog
        open={revoking !== undefined}
        onOpenChange={(open) => {
          if (!open) setRevoking(undefined);
        }}
        title={t('invitations.revokeTitle', { email: revoking?.email ?? '' })}
        description={t('invitations.revokeDescription')}
        confirmLabel={t('invitations.revokeConfirm')}
        variant="danger"
        onConfirm={async () => {
          if (revoking) await revoke.mutateAsync(revoking);
        }}
      />
    </SectionCard>
  );
}
