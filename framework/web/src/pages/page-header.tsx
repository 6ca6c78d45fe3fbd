import { type BreadcrumbItem, Breadcrumbs, cn } from '@codexion/resources';
import type { ComponentProps, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface PageHeaderProps extends Omit<ComponentProps<'header'>, 'title'> {
  title: ReactNode;
  description?: ReactNode;
  breadcrumbs?: BreadcrumbItem[];
  /** buttons on the right */
  actions?: ReactNode;
}

/**
 * The top of a generated page: breadcrumbs, the page's one `h1`, and its actions.
 *
 * @example
 * <PageHeader title="Accounts" actions={<Button>New</Button>} />
 */
export function PageHeader({
  title,
  description,
  breadcrumbs,
  actions,
  className,
  ...props
}: PageHeaderProps) {
  const { t } = useTranslation('codexion');
  return (
    <header data-slot="page-header" className={cn('flex flex-col gap-3', className)} {...props}>
      {breadcrumbs && breadcrumbs.length > 1 && (
        <Breadcrumbs
          label={t('nav.breadcrumbs')}
          items={breadcrumbs}
          renderLink={({ href, ...link }) => <Link to={href} {...link} />}
        />
      )}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1">
          <h1 className="font-semibold text-2xl tracking-tight">{title}</h1>
          {description && <p className="text-muted-foreground text-sm">{description}</p>}
        </div>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
    </header>
  );
}
