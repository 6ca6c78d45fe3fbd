import {
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
  EmptyState,
  Skeleton,
} from '@codexion/resources';
import { PageHeader, usePermissions, useSearchHost, useTranslation } from '@codexion/web';
import { Blocks, ChevronRight, Search } from 'lucide-react';
import { Link } from 'react-router';
import { adminEntry } from './app-registry.js';
import { useSession } from './session-context.js';
import { useShellNav } from './use-shell-nav.js';

/**
 * The shell's home (`/`): a welcome in the current tenant, the apps on for it as cards, and quick
 * links to the administration pages the session may open.
 *
 * @example
 * { index: true, element: <HomePage /> }
 */
export function HomePage() {
  const { t } = useTranslation('cortex');
  const { user, tenant, apps: infos } = useSession();
  const { can } = usePermissions();
  const { sections, apps, enabled } = useShellNav();
  const search = useSearchHost();
  const admin = sections.find((section) => section.module === adminEntry.name);
  const first = (user.name ?? '').trim().split(/\s+/)[0] || user.email;
  return (
    <div className="mx-auto grid max-w-5xl gap-8">
      <title>{t('home.documentTitle', { tenant: tenant.name })}</title>
      <PageHeader
        title={t('home.title', { name: first })}
        description={t('home.description', { tenant: tenant.name })}
        actions={
          search && (
            <Button variant="outline" onClick={search.open}>
              <Search aria-hidden="true" />
              {t('home.search')}
            </Button>
          )
        }
      />
      <section aria-labelledby="home-apps" className="grid gap-3">
        <h2 id="home-apps" className="font-semibold text-lg">
          {t('home.apps')}
        </h2>
        {enabled.length === 0 ? (
          <EmptyState
            icon={<Blocks />}
            title={t('home.noApps', { tenant: tenant.name })}
            description={t(can('cortex:app:manage') ? 'home.noAppsAdmin' : 'home.noAppsMember')}
            action={
              can('cortex:app:manage') && (
                <Button asChild>
                  <Link to="/admin/apps">{t('appDisabled.manage')}</Link>
                </Button>
              )
            }
          />
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {enabled.map((name) => {
              const loaded = apps.find((app) => app.name === name);
              const info = infos.find((app) => app.name === name);
              const Icon = loaded?.app.module.icon;
              const title = loaded?.title ?? info?.title;
              if (!title) {
                return (
                  <li key={name}>
                    <Skeleton className="h-40 rounded-xl" />
                  </li>
                );
              }
              return (
                <li key={name}>
                  <Card className="h-full">
                    <CardHeader>
                      <CardTitle className="flex items-center gap-2">
                        {Icon && <Icon aria-hidden="true" className="size-5 text-primary" />}
                        <h3>{title}</h3>
                        {info?.version && (
                          <Badge variant="outline" className="ms-auto font-normal">
                            {t('home.version', { version: info.version })}
                          </Badge>
                        )}
                      </CardTitle>
                      {info?.description && <CardDescription>{info.description}</CardDescription>}
                    </CardHeader>
                    <CardContent className="flex-1" />
                    <CardFooter>
                      <Button variant="outline" asChild>
                        <Link to={`/${name}`}>
                          {t('home.open', { app: title })}
                          <ChevronRight aria-hidden="true" />
                        </Link>
                      </Button>
                    </CardFooter>
                  </Card>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {admin && (
        <section aria-labelledby="home-admin" className="grid gap-3">
          <h2 id="home-admin" className="font-semibold text-lg">
            {t('home.quickLinks')}
          </h2>
          <ul className="flex flex-wrap gap-2">
            {admin.entries.map((entry) => {
              const Icon = entry.icon;
              return (
                <li key={entry.id}>
                  <Button variant="secondary" asChild>
                    <Link to={entry.href}>
                      {Icon && <Icon aria-hidden="true" />}
                      {entry.label}
                    </Link>
                  </Button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
