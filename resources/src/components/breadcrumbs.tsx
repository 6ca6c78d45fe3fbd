import { ChevronRightIcon } from 'lucide-react';
import { type ComponentProps, Fragment, type ReactNode } from 'react';
import { cn } from '../lib/cn.js';
import { defaultRenderLink, type RenderLink } from '../lib/render-link.js';
import { useUiStrings } from '../lib/ui-strings.js';

/** One step of the trail; the last one is the current page and is not a link. */
export interface BreadcrumbItem {
  label: ReactNode;
  href?: string;
}

export interface BreadcrumbsProps extends ComponentProps<'nav'> {
  items: readonly BreadcrumbItem[];
  /** draws links with your router; a plain `<a>` by default */
  renderLink?: RenderLink;
  /** the landmark's accessible name; defaults to the UiStrings "Breadcrumb" */
  label?: string;
}

/**
 * Where the page sits: a trail of links, the last item marked as the current page.
 *
 * @example
 * <Breadcrumbs
 *   items={[{ label: 'CRM', href: '/crm' }, { label: 'Deals', href: '/crm/deals' }, { label: 'Acme renewal' }]}
 *   renderLink={({ href, ...props }) => <Link to={href} {...props} />}
 * />
 */
export function Breadcrumbs({
  items,
  renderLink = defaultRenderLink,
  label,
  className,
  ...props
}: BreadcrumbsProps) {
  const strings = useUiStrings();
  return (
    <nav
      data-slot="breadcrumbs"
      aria-label={label ?? strings.breadcrumb}
      className={cn('min-w-0', className)}
      {...props}
    >
      <ol className="flex min-w-0 flex-wrap items-center gap-1.5 break-words text-muted-foreground text-sm">
        {items.map((item, index) => {
          const last = index === items.length - 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a trail's steps are identified by their place
            <Fragment key={index}>
              <li data-slot="breadcrumb-item" className="inline-flex min-w-0 items-center gap-1.5">
                {last || item.href === undefined ? (
                  <span
                    data-slot="breadcrumb-page"
                    aria-current={last ? 'page' : undefined}
                    className={cn('truncate', last && 'font-medium text-foreground')}
                  >
                    {item.label}
                  </span>
                ) : (
                  renderLink({
                    href: item.href,
                    className:
                      'truncate rounded-sm transition-colors hover:text-foreground focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50',
                    children: item.label,
                  })
                )}
              </li>
              {!last && (
                <li
                  role="presentation"
                  aria-hidden="true"
                  data-slot="breadcrumb-separator"
                  className="[&>svg]:size-3.5"
                >
                  <ChevronRightIcon className="rtl:rotate-180" />
                </li>
              )}
            </Fragment>
          );
        })}
      </ol>
    </nav>
  );
}
