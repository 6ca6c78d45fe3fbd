import { Button, EmptyState } from '@codexion/resources';
import { usePermissions, useTranslation } from '@codexion/web';
import { PowerOff } from 'lucide-react';
import { Link } from 'react-router';
import type { AppAvailability } from './app-availability.js';
import { useAuth } from './session-provider.js';
import { useShell } from './shell-context.js';

export interface AppDisabledPageProps {
  name: string;
  availability: Exclude<AppAvailability, 'enabled'>;
}

/**
 * What a disabled (or not installed) app's URL shows: whose tenant has it off, and the way to turn
 * it on for those who may.
 *
 * @example
 * <AppDisabledPage name="crm" availability="disabled" />
 */
export function AppDisabledPage({ name, availability }: AppDisabledPageProps) {
  const { t } = useTranslation('cortex');
  const { data } = useAuth();
  const { loader } = useShell();
  const { can } = usePermissions();
  const app =
    data?.apps.find((candidate) => candidate.name === name)?.title ?? loader.get(name)?.module.title ?? name;
  const tenant = data?.tenant?.name ?? '';
  const missing = availability === 'missing';
  const title = t(missing ? 'appDisabled.missingTitle' : 'appDisabled.title', { app, tenant });
  return (
    <div className="mx-auto max-w-xl py-10">
      <title>{t('appDisabled.documentTitle', { app })}</title>
      <h1 className="sr-only">{title}</h1>
      <EmptyState
        icon={<PowerOff />}
        title={<span aria-hidden="true">{title}</span>}
        description={t(
          missing
            ? 'appDisabled.missingDescription'
            : can('cortex:app:manage')
              ? 'appDisabled.descriptionAdmin'
              : 'appDisabled.description',
          { app, tenant },
        )}
        action={
          <div className="flex flex-wrap justify-center gap-2">
            {!missing && can('cortex:app:manage') && (
              <Button asChild>
                <Link to="/admin/apps">{t('appDisabled.manage')}</Link>
              </Button>
            )}
            <Button variant="outline" asChild>
              <Link to="/">{t('common.home')}</Link>
            </Button>
          </div>
        }
      />
    </div>
  );
}
