import { type ComponentProps, type ReactNode, useId } from 'react';
import { cn } from '../lib/cn.js';
import { defaultRenderLink, type RenderLink } from '../lib/render-link.js';
import { Tooltip, TooltipContent, TooltipTrigger } from './tooltip.js';

/** One link of the sidebar. */
export interface NavItem {
  /** stable key; `href` is used when absent */
  id?: string;
  label: string;
  href: string;
  /** an icon element, e.g. `<UsersIcon />` (shown alone when the sidebar is collapsed) */
  icon?: ReactNode;
  /** marks the current page (aria-current="page") */
  active?: boolean;
  /** a count or status at the end, e.g. `<Badge>3</Badge>` */
  badge?: ReactNode;
}

/** A titled group of links (an app's module, "Settings"…). */
export interface NavSection {
  id?: string;
  title?: string;
  items: readonly NavItem[];
}

export interface SidebarNavProps extends ComponentProps<'div'> {
  sections: readonly NavSection[];
  /** icons only, labels in tooltips */
  collapsed?: boolean;
  renderLink?: RenderLink;
  /** called after a link is followed (the mobile sheet closes on it) */
  onNavigate?: () => void;
}

/**
 * The sidebar's navigation: sections of links, the current one highlighted. `AppShell` uses it;
 * it works alone too.
 *
 * @example
 * <SidebarNav sections={[{ title: 'Sales', items: [{ label: 'Deals', href: '/crm/deals', icon: <HandshakeIcon />, active: true }] }]} />
 */
export function SidebarNav({
  sections,
  collapsed = false,
  renderLink = defaultRenderLink,
  onNavigate,
  className,
  ...props
}: SidebarNavProps) {
  const baseId = useId();
  return (
    <div
      data-slot="sidebar-nav"
      data-collapsed={collapsed}
      className={cn('flex flex-col gap-4', className)}
      {...props}
    >
      {sections.map((section, sectionIndex) => {
        const titleId = `${baseId}-${sectionIndex}`;
        const hasTitle = section.title !== undefined && section.title !== '';
        return (
          <div
            key={section.id ?? section.title ?? sectionIndex}
            data-slot="sidebar-nav-section"
            className="flex flex-col gap-1"
          >
            {hasTitle && (
              <p
                id={titleId}
                className={cn(
                  'px-2 font-medium text-sidebar-muted-foreground text-xs',
                  collapsed && 'sr-only',
                )}
              >
                {section.title}
              </p>
            )}
            {collapsed && sectionIndex > 0 && <div className="mx-2 mb-1 h-px bg-sidebar-border" />}
            <ul aria-labelledby={hasTitle ? titleId : undefined} className="flex flex-col gap-0.5">
              {section.items.map((item) => {
                const link = renderLink({
                  href: item.href,
                  'aria-current': item.active ? 'page' : undefined,
                  onClick: onNavigate,
                  className: cn(
                    "flex h-8 items-center gap-2 rounded-md px-2 text-sidebar-foreground text-sm outline-none transition-colors duration-(--duration-fast) hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-[3px] focus-visible:ring-sidebar-ring/60 aria-[current=page]:bg-sidebar-accent aria-[current=page]:font-medium aria-[current=page]:text-sidebar-accent-foreground [&_svg:not([class*='size-'])]:size-4 [&_svg]:shrink-0",
                    collapsed && 'justify-center px-0',
                  ),
                  children: (
                    <>
                      {item.icon !== undefined ? (
                        <span aria-hidden="true" className="flex shrink-0">
                          {item.icon}
                        </span>
                      ) : (
                        collapsed && (
                          <span
                            aria-hidden="true"
                            className="flex size-5 items-center justify-center rounded-sm border border-sidebar-border text-xs"
                          >
                            {item.label.slice(0, 1)}
                          </span>
                        )
                      )}
                      <span className={cn('truncate', collapsed && 'sr-only')}>{item.label}</span>
                      {item.badge !== undefined && !collapsed && (
                        <span className="ms-auto">{item.badge}</span>
                      )}
                    </>
                  ),
                });
                return (
                  <li key={item.id ?? item.href}>
                    {collapsed ? (
                      <Tooltip>
                        <TooltipTrigger asChild>
                          <span className="block">{link}</span>
                        </TooltipTrigger>
                        <TooltipContent side="right">{item.label}</TooltipContent>
                      </Tooltip>
                    ) : (
                      link
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
