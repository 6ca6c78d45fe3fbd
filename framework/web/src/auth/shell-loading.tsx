import { useTranslation } from 'react-i18next';
import { useAuthBrand } from './auth-brand.js';

export interface ShellLoadingProps {
  /** the session could not be asked for: say so and offer another try */
  failed?: boolean;
  onRetry?: () => void;
}

/**
 * What a shell shows while the session boots (an empty frame of the layout, no flash of the
 * sign-in page), or when the server could not be reached.
 *
 * @example
 * if (status === 'loading') return <ShellLoading />;
 */
export function ShellLoading({ failed = false, onRetry }: ShellLoadingProps) {
  const { t } = useTranslation('codexion');
  const brand = useAuthBrand();
  if (!failed) {
    return (
      <div data-slot="shell-loading" className="min-h-svh bg-background" aria-busy="true">
        <span className="sr-only">{t('ui.loading')}</span>
      </div>
    );
  }
  return (
    <main className="mx-auto flex min-h-svh max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="font-semibold text-xl">{t('auth.boot.failedTitle', { brand: brand.name })}</h1>
      <p className="text-muted-foreground text-sm">{t('auth.boot.failedDescription')}</p>
      {/* a plain button, like the design system's: this frame draws before its components load */}
      <button
        type="button"
        className="h-9 rounded-md bg-primary px-4 font-medium text-primary-foreground text-sm"
        onClick={onRetry}
      >
        {t('auth.boot.retry')}
      </button>
    </main>
  );
}
