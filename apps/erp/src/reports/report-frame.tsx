import { EmptyState, Skeleton } from '@codexion/resources';
import { PageHeader, ProblemError, useTranslation } from '@codexion/web';
import { AlertCircle } from 'lucide-react';
import type { ReactNode } from 'react';

export interface ReportFrameProps {
  title: string;
  description?: string;
  /** the period pickers and the export button */
  parameters: ReactNode;
  actions?: ReactNode;
  loading: boolean;
  error: unknown;
  children: ReactNode;
}

/** A report page: its title under Reports, its parameters, then its table (or why there is none). */
export function ReportFrame({
  title,
  description,
  parameters,
  actions,
  loading,
  error,
  children,
}: ReportFrameProps) {
  const { t } = useTranslation('erp');
  const problem = error instanceof ProblemError ? error : undefined;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={title}
        description={description}
        // a report's route is a sibling of the reports page's under the module root, not its child
        breadcrumbs={[{ label: t('reports.title'), href: '../reports' }, { label: title }]}
        actions={actions}
      />
      <form
        aria-label={t('reports.parameters')}
        className="flex flex-wrap items-end gap-4"
        onSubmit={(event) => event.preventDefault()}
      >
        {parameters}
      </form>
      {error ? (
        <EmptyState
          icon={<AlertCircle />}
          title={t('reports.loadFailed')}
          description={problem?.errors[0]?.message ?? problem?.problem.detail ?? undefined}
        />
      ) : loading ? (
        <Skeleton className="h-72 w-full" aria-busy="true" />
      ) : (
        children
      )}
    </div>
  );
}
