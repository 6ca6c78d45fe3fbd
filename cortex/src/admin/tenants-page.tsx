import { getTenant, listMyMemberships, suspendTenant } from '@codexion/contracts/tenancy/client';
import type { Membership, Tenant } from '@codexion/contracts/tenancy/types';
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
  FormField,
  Input,
  TableCell,
  TableRow,
  toast,
} from '@codexion/resources';
import {
  PageHeader,
  PermissionButton,
  useFormatters,
  usePermissions,
  useReportProblem,
  useTranslation,
} from '@codexion/web';
import { useMutation } from '@tanstack/react-query';
import { ArrowLeftRight, Plus } from 'lucide-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useSession } from '../shell/session-context.js';
import { useAdminClients, useAdminQuery, useInvalidateAdmin } from './admin-queries.js';
import { AdminTable } from './admin-table.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { CreateTenantDialog } from './create-tenant-dialog.js';
import { QueryState } from './query-state.js';
import { SectionCard } from './section-card.js';
import { useRenameTenant } from './use-rename-tenant.js';
import { builtInRoleKeys, roleDisplayName } from './use-role-names.js';

function CurrentTenantCard({ tenant }: { tenant: Tenant }) {
  const { t } = useTranslation('admin');
  const format = useFormatters();
  const { can } = usePermissions();
  const { tenancy } = useAdminClients();
  const session = useSession();
  const invalidate = useInvalidateAdmin();
  const reportProblem = useReportProblem();
  const { mutation: rename, fieldErrors } = useRenameTenant();
  const [name, setName] = useState(tenant.name);
  const [confirmSuspend, setConfirmSuspend] = useState(false);
  useEffect(() => setName(tenant.name), [tenant.name]);

  const suspend = useMutation({
    mutationFn: () => suspendTenant({ client: tenancy, throwOnError: true }),
    onSuccess: async () => {
      toast.success(t('tenants.suspended', { name: tenant.name }));
      await Promise.all([invalidate('tenant', 'memberships'), session.refresh()]);
    },
    onError: reportProblem,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      fieldErrors.set('name', t('common.required'));
      return;
    }
    rename.mutate(name.trim(), {
      onSuccess: () => toast.success(t('tenants.renamed', { name: name.trim() })),
      onError: fieldErrors.report,
    });
  };

  return (
    <>
      <Card>
        <form noValidate onSubmit={submit} className="contents">
          <CardHeader>
            <CardTitle>
              <h2>{t('tenants.current')}</h2>
            </CardTitle>
            <CardDescription>{t('tenants.currentDescription')}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
              <dt className="text-muted-foreground">{t('tenants.slug')}</dt>
              <dd className="font-mono">{tenant.slug}</dd>
              <dt className="text-muted-foreground">{t('tenants.status')}</dt>
              <dd>
                <Badge variant={tenant.status === 'active' ? 'success' : 'danger'}>
                  {t(`tenants.statuses.${tenant.status}`)}
                </Badge>
              </dd>
              <dt className="text-muted-foreground">{t('tenants.created')}</dt>
              <dd>{format.dateTime(tenant.createdAt)}</dd>
            </dl>
            <FormField
              label={t('tenants.name')}
              error={fieldErrors.errors.name}
              className="max-w-md"
              required
            >
              <Input
                value={name}
                readOnly={!can('prefiq:tenant:update')}
                onChange={(event) => setName(event.target.value)}
              />
            </FormField>
          </CardContent>
          {can('prefiq:tenant:update') && (
            <CardFooter>
              <Button type="submit" loading={rename.isPending} disabled={name.trim() === tenant.name}>
                {t('tenants.rename')}
              </Button>
            </CardFooter>
          )}
        </form>
      </Card>
      {can('prefiq:tenant:suspend') && tenant.status === 'active' && (
        <Card className="border-danger/40">
          <CardHeader>
            <CardTitle>
              <h2>{t('tenants.dangerZone')}</h2>
            </CardTitle>
            <CardDescription>{t('tenants.suspendDescription')}</CardDescription>
          </CardHeader>
          <CardFooter>
            <Button variant="danger" onClick={() => setConfirmSuspend(true)}>
              {t('tenants.suspend')}
            </Button>
          </CardFooter>
          <ConfirmDialog
            open={confirmSuspend}
            onOpenChange={setConfirmSuspend}
            title={t('tenants.suspendTitle', { name: tenant.name })}
            description={t('tenants.suspendWarning')}
            confirmLabel={t('tenants.suspendConfirm')}
            variant="danger"
            typeToConfirm={tenant.name}
            onConfirm={() => suspend.mutateAsync()}
          />
        </Card>
      )}
    </>
  );
}

function MembershipsCard() {
  const { t } = useTranslation('admin');
  const session = useSession();
  const reportProblem = useReportProblem();
  const memberships = useAdminQuery('memberships', ({ tenancy }, signal) =>
    listMyMemberships({ client: tenancy, signal, throwOnError: true }),
  );
  const [switching, setSwitching] = useState<string>();
  const switchTo = async (membership: Membership) => {
    setSwitching(membership.tenantId);
    try {
      await session.switchTenant(membership.tenantId);
      toast.success(t('tenants.switched', { name: membership.tenantName }));
    } catch (error) {
      reportProblem(error);
    } finally {
      setSwitching(undefined);
    }
  };
  return (
    <SectionCard title={t('tenants.yours')} description={t('tenants.yoursDescription')}>
      {memberships.data === undefined ? (
        <QueryState query={memberships} />
      ) : (
        <AdminTable
          label={t('tenants.yours')}
          columns={[t('tenants.name'), t('tenants.yourRole'), t('tenants.status')]}
          actions
        >
          {memberships.data.items.map((membership) => {
            const current = membership.tenantId === session.tenant.id;
            return (
              <TableRow key={membership.tenantId} data-state={current ? 'selected' : undefined}>
                <TableCell className="font-medium">{membership.tenantName}</TableCell>
                <TableCell>
                  {roleDisplayName(
                    {
                      key: membership.role,
                      name: membership.roleName,
                      builtIn: builtInRoleKeys.includes(membership.role),
                    },
                    t,
                  )}
                </TableCell>
                <TableCell>
                  <Badge variant={membership.tenantStatus === 'active' ? 'success' : 'danger'}>
                    {t(`tenants.statuses.${membership.tenantStatus}`)}
                  </Badge>
                </TableCell>
                <TableCell className="text-end">
                  {current ? (
                    <Badge variant="secondary">{t('tenants.currentBadge')}</Badge>
                  ) : (
                    <Button
                      variant="outline"
                      size="sm"
                      disabled={membership.tenantStatus !== 'active'}
                      loading={switching === membership.tenantId}
                      aria-label={t('tenants.switchTo', { name: membership.tenantName })}
                      onClick={() => void switchTo(membership)}
                    >
                      <ArrowLeftRight aria-hidden="true" />
                      {t('tenants.switch')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </AdminTable>
      )}
    </SectionCard>
  );
}

/**
 * Tenants: the current one (renamed, or suspended by its owner after typing its name), the
 * user's other tenants to switch to, and a new tenant.
 */
export function TenantsPage() {
  const { t } = useTranslation('admin');
  const tenant = useAdminQuery('tenant', ({ tenancy }, signal) =>
    getTenant({ client: tenancy, signal, throwOnError: true }),
  );
  const [creating, setCreating] = useState(false);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('tenants.title')}
        description={t('tenants.description')}
        actions={
          <PermissionButton permission="cortex:tenant:create" onClick={() => setCreating(true)}>
            <Plus aria-hidden="true" />
            {t('tenants.create')}
          </PermissionButton>
        }
      />
      {tenant.data === undefined ? <QueryState query={tenant} /> : <CurrentTenantCard tenant={tenant.data} />}
      <MembershipsCard />
      <CreateTenantDialog open={creating} onOpenChange={setCreating} />
    </div>
  );
}
