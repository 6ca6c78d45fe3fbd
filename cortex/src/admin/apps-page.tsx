import {
  Badge,
  Button,
  Card,
  CardAction,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
  EmptyState,
  Label,
  Switch,
  toast,
} from '@codexion/resources';
import { PageHeader, usePermissions, useReportProblem, useTranslation } from '@codexion/web';
import { useMutation } from '@tanstack/react-query';
import { Blocks, ChevronDown, ChevronRight } from 'lucide-react';
import { useId, useState } from 'react';
import { disableApp, enableApp, listApps } from '../../core/generated/client/sdk.gen.js';
import type { App } from '../../core/generated/client/types.gen.js';
import { useSession } from '../shell/session-context.js';
import { useAdminClients, useAdminQuery, useInvalidateAdmin } from './admin-queries.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { QueryState } from './query-state.js';

function AppCard({ app, onToggle }: { app: App; onToggle: (app: App, enable: boolean) => void }) {
  const { t } = useTranslation('admin');
  const { can } = usePermissions();
  const [showPermissions, setShowPermissions] = useState(false);
  const switchId = useId();
  const listId = useId();
  return (
    <Card data-slot="app-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <h2>{app.title}</h2>
          <Badge variant="outline" className="font-mono">
            {t('apps.version', { version: app.version })}
          </Badge>
        </CardTitle>
        <CardDescription>{app.description}</CardDescription>
        <CardAction className="flex items-center gap-2">
          <Switch
            id={switchId}
            aria-label={t('apps.toggle', { title: app.title })}
            checked={app.enabled}
            disabled={!can('cortex:app:manage') || (app.enabled && !app.removable)}
            onCheckedChange={(enable) => onToggle(app, enable)}
          />
          <Label htmlFor={switchId}>{app.enabled ? t('apps.enabled') : t('apps.disabled')}</Label>
        </CardAction>
      </CardHeader>
      <CardContent className="grid gap-2">
        {app.permissions.length > 0 && (
          <Button
            variant="ghost"
            size="sm"
            className="w-fit"
            aria-expanded={showPermissions}
            aria-controls={listId}
            onClick={() => setShowPermissions((open) => !open)}
          >
            {showPermissions ? <ChevronDown aria-hidden="true" /> : <ChevronRight aria-hidden="true" />}
            {t('apps.permissions', { count: app.permissions.length })}
          </Button>
        )}
        {showPermissions && (
          <ul id={listId} className="grid gap-1 ps-2 text-sm">
            {app.permissions.map((permission) => (
              <li
                key={permission.name}
                className="grid gap-0.5 sm:grid-cols-[minmax(12rem,auto)_1fr] sm:gap-4"
              >
                <code className="font-mono text-xs">{permission.name}</code>
                <span className="text-muted-foreground">{permission.description}</span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
      {!app.removable && (
        <CardFooter>
          <p className="text-muted-foreground text-xs">{t('apps.notRemovable')}</p>
        </CardFooter>
      )}
    </Card>
  );
}

/**
 * The apps the host runs: each one's title, description and version, whether it is on for this
 * tenant (switched off after a confirmation; the sidebar follows), and the permissions it
 * declares.
 */
export function AppsPage() {
  const { t } = useTranslation('admin');
  const { cortex } = useAdminClients();
  const session = useSession();
  const invalidate = useInvalidateAdmin();
  const reportProblem = useReportProblem();
  const apps = useAdminQuery('apps', ({ cortex }, signal) =>
    listApps({ client: cortex, signal, throwOnError: true }),
  );
  const [disabling, setDisabling] = useState<App>();

  const setEnabled = useMutation({
    mutationFn: async ({ app, enable }: { app: App; enable: boolean }) =>
      (
        await (enable ? enableApp : disableApp)({
          client: cortex,
          path: { name: app.name },
          throwOnError: true,
        })
      ).data,
    onSuccess: async (app) => {
      toast.success(t(app.enabled ? 'apps.enabledToast' : 'apps.disabledToast', { title: app.title }));
      await Promise.all([invalidate('apps', 'permissions', 'roles'), session.refresh()]);
    },
    onError: reportProblem,
  });
  const toggle = (app: App, enable: boolean) => {
    if (enable) setEnabled.mutate({ app, enable });
    else setDisabling(app);
  };

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('apps.title')} description={t('apps.description')} />
      {apps.data === undefined ? (
        <QueryState query={apps} className="h-40" />
      ) : apps.data.items.length === 0 ? (
        <EmptyState icon={<Blocks />} title={t('apps.none')} />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {apps.data.items.map((app) => (
            <AppCard key={app.name} app={app} onToggle={toggle} />
          ))}
        </div>
      )}
      <ConfirmDialog
        open={disabling !== undefined}
        onOpenChange={(open) => {
          if (!open) setDisabling(undefined);
        }}
        title={t('apps.disableTitle', { title: disabling?.title ?? '' })}
        description={t('apps.disableDescription', { title: disabling?.title ?? '' })}
        confirmLabel={t('apps.disableConfirm')}
        variant="danger"
        onConfirm={async () => {
          if (disabling) await setEnabled.mutateAsync({ app: disabling, enable: false });
        }}
      />
    </div>
  );
}
