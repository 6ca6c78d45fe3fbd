import { Button, EmptyState } from '@codexion/resources';
import { useTranslation } from '@codexion/web';
import { Compass } from 'lucide-react';
import { Link, useLocation } from 'react-router';
import { AppDisabledPage } from './app-disabled-page.js';
import { useShell } from './shell-context.js';

/**
 * The shell's answer to a URL nothing lives at, inside the layout so the way back is right there.
 * A registered app's URL that got here is one whose module did not mount: its page says why.
 *
 * @example
 * { path: '*', element: <NotFoundPage /> }
 */
export function NotFoundPage() {
  const { t } = useTranslation('cortex');
  const { pathname } = useLocation();
  const { loader } = useShell();
  const segment = pathname.split('/').filter(Boolean)[0] ?? '';
  if (loader.entry(segment)) return <AppDisabledPage name={segment} availability="missing" />;
  return (
    <div className="mx-auto max-w-xl py-10">
      <title>{t('notFound.documentTitle')}</title>
      <h1 className="sr-only">{t('notFound.title')}</h1>
      <EmptyState
        icon={<Compass />}
        title={<span aria-hidden="true">{t('notFound.title')}</span>}
        description={t('notFound.description', { path: pathname })}
        action={
          <Button asChild>
            <Link to="/">{t('common.home')}</Link>
          </Button>
        }
      />
    </div>
  );
}
