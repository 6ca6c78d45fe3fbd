import { switchTenant } from '@codexion/contracts/auth/client';
import { client as authApi } from '@codexion/contracts/auth/client.gen';
import { Button } from '@codexion/resources';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportProblem } from '../api/use-report-problem.js';
import { AuthLayout } from './auth-layout.js';
import { useSignIn } from './create-auth-session.js';
import type { SessionBasics } from './load-session.js';

export interface NoTenantPageProps {
  /** the user's tenants (`SessionBasics.tenants`): the active ones are offered */
  tenants: SessionBasics['tenants'];
}

/**
 * For a signed-in user acting in no tenant: the tenants to enter, or word to ask for an invitation.
 *
 * @example
 * if (!data.tenant) return <NoTenantPage tenants={data.tenants} />;
 */
export function NoTenantPage({ tenants }: NoTenantPageProps) {
  const { t } = useTranslation('codexion');
  const { clientFor, reload, logout } = useSignIn();
  const report = useReportProblem();
  const [busy, setBusy] = useState<string>();
  const active = tenants.filter((tenant) => tenant.status === 'active');

  const enter = async (tenantId: string) => {
    setBusy(tenantId);
    try {
      await switchTenant({ client: clientFor(authApi), body: { tenantId }, throwOnError: true });
      await reload();
    } catch (error) {
      report(error);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <AuthLayout
      title={t('auth.noTenant.title')}
      description={active.length > 0 ? t('auth.noTenant.choose') : t('auth.noTenant.description')}
    >
      {active.map((tenant) => (
        <Button
          key={tenant.id}
          variant="outline"
          loading={busy === tenant.id}
          onClick={() => void enter(tenant.id)}
        >
          {tenant.name}
        </Button>
      ))}
      <Button variant="ghost" onClick={() => void logout()}>
        {t('auth.user.logout')}
      </Button>
    </AuthLayout>
  );
}
