import { PageHeader, PermissionButton, usePermissions, useTranslation } from '@codexion/web';
import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import { InvitationsCard } from './invitations-card.js';
import { InviteDialog } from './invite-dialog.js';
import { MembersCard } from './members-card.js';

/**
 * Users and invitations: the tenant's members with their roles, the invitations sent, and
 * inviting someone new.
 */
export function UsersPage() {
  const { t } = useTranslation('admin');
  const { can } = usePermissions();
  const [inviting, setInviting] = useState(false);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <PermissionButton permission="cortex:invitation:create" onClick={() => setInviting(true)}>
            <UserPlus aria-hidden="true" />
            {t('users.invite')}
          </PermissionButton>
        }
      />
      <MembersCard />
      {can('cortex:invitation:read') && <InvitationsCard />}
      <InviteDialog open={inviting} onOpenChange={setInviting} />
    </div>
  );
}
