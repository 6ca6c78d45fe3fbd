import { Button, EmptyState, Skeleton } from '@codexion/resources';
import { ProblemError, useTranslation } from '@codexion/web';
import { AlertCircle, ShieldAlert } from 'lucide-react';

export interface QueryStateProps {
  /** a TanStack query's state */
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  /** how tall the placeholder is while loading */
  className?: string;
}

/**
 * What a card shows instead of its data while the data loads or when it could not: a
 * placeholder, "you may not see this" for a 403, else the failure and a retry. Renders nothing
 * once the data is there.
 *
 * @example
 * if (members.data === undefined) return <QueryState query={members} />;
 */
export function QueryState({ query, className = 'h-24' }: QueryStateProps) {
  const { t } = useTranslation('admin');
  if (query.isPending) {
    return (
      <div aria-busy="true" className="grid gap-2">
        <span className="sr-only">{t('common.loading')}</span>
        <Skeleton className={`w-full ${className}`} />
      </div>
    );
  }
  if (!query.isError) return null;
  if (query.error instanceof ProblemError && query.error.status === 403) {
    return (
      <EmptyState
        icon={<ShieldAlert />}
        title={t('common.forbidden')}
        description={t('common.forbiddenDescription')}
      />
    );
  }
  return (
    <EmptyState
      icon={<AlertCircle />}
      title={t('common.loadFailed')}
      description={query.error instanceof ProblemError ? query.error.message : undefined}
      action={
        <Button variant="outline" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
