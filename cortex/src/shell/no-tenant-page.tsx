import { Button } from '@codexion/resources';
import { useReportProblem, useTranslation } from '@codexion/web';
import { useState } from 'react';
import { AuthLayout } from './auth-layout.js';
import { useAuth } from './session-provider.js';

/**
 * For a signed-in user acting in no tenant: the tenants to enter, or word to ask for an invitation.
 *
 * @example
 * if (!auth.session) return <NoTenantPage />;
 */
export function NoTenantPage() {
  const { t } = useTranslation('cortex');
  const { data, apiFetch, reload, logout } = useAuth();
  const report = useReportProblem();
  const [busy, setBusy] = useState<string>();
  const tenants = data?.tenants.filter((tenant) => tenant.status === 'active') ?? [];

  const enter = async (tenantId: string) => {
    setBusy(tenantId);
    try {
      await apiFetch('/auth/switch-tenant', { method: 'POST', body: { tenantId } });
      await reload();
    } catch (error) {
      report(error);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <AuthLayout
      title={t('noTenant.title')}
      description={tenants.length > 0 ? t('noTenant.choose') : t('noTenant.description')}
    >
      {tenants.map((tenant) => (
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
        {t('user.logout')}
      </Button>
    </AuthLayout>
  );
}
