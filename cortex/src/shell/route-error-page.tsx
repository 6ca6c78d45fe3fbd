import { useTranslation } from '@codexion/web';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/**
 * What a route shows when it fails to load or render (a chunk gone after a deployment, a bug):
 * a plain message and a reload, with no design-system code so it works when nothing else loaded.
 *
 * @example
 * { path: '/', errorElement: <RouteErrorPage />, … }
 */
export function RouteErrorPage() {
  const { t } = useTranslation('cortex');
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!notFound) console.error(error);
  return (
    <main className="mx-auto flex min-h-svh max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="font-semibold text-xl">{t(notFound ? 'notFound.title' : 'routeError.title')}</h1>
      <p className="text-muted-foreground text-sm">
        {t(notFound ? 'routeError.notFound' : 'routeError.description')}
      </p>
      <div className="flex gap-2">
        <button
          type="button"
          className="h-9 rounded-md bg-primary px-4 font-medium text-primary-foreground text-sm"
          onClick={() => window.location.reload()}
        >
          {t('routeError.reload')}
        </button>
        <a className="h-9 rounded-md border px-4 font-medium text-sm leading-9" href="/">
          {t('common.home')}
        </a>
      </div>
    </main>
  );
}
