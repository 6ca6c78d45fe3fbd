import { useTranslation } from '@codexion/web';

export interface ShellLoadingProps {
  /** the session could not be asked for: say so and offer another try */
  failed?: boolean;
  onRetry?: () => void;
}

/**
 * What the shell shows while the session boots (an empty frame of the layout, no flash of the
 * sign-in page), or when the server could not be reached.
 *
 * @example
 * if (status === 'loading') return <ShellLoading />;
 */
export function ShellLoading({ failed = false, onRetry }: ShellLoadingProps) {
  const { t } = useTranslation('cortex');
  if (!failed) {
    return (
      <div data-slot="shell-loading" className="min-h-svh bg-background" aria-busy="true">
        <span className="sr-only">{t('common.loading')}</span>
      </div>
    );
  }
  return (
    <main className="mx-auto flex min-h-svh max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="font-semibold text-xl">{t('boot.failedTitle')}</h1>
      <p className="text-muted-foreground text-sm">{t('boot.failedDescription')}</p>
      <button
        type="button"
        className="h-9 rounded-md bg-primary px-4 font-medium text-primary-foreground text-sm"
        onClick={onRetry}
      >
        {t('common.retry')}
      </button>
    </main>
  );
}
