import type { ComponentProps, ReactNode } from 'react';
import { cn } from '../lib/cn.js';

export interface EmptyStateProps extends Omit<ComponentProps<'div'>, 'title'> {
  /** an icon element, e.g. `<InboxIcon />` */
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** a call to action, e.g. a "Create" button */
  action?: ReactNode;
}

/**
 * What a list or page shows when there is nothing in it yet.
 *
 * @example
 * <EmptyState
 *   icon={<InboxIcon />}
 *   title="No deals yet"
 *   description="Deals you create show up here."
 *   action={<Button>New deal</Button>}
 * />
 */
export function EmptyState({
  icon,
  title,
  description,
  action,
  className,
  children,
  ...props
}: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn(
        'flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed px-6 py-10 text-center',
        className,
      )}
      {...props}
    >
      {icon !== undefined && (
        <div
          data-slot="empty-state-icon"
          aria-hidden="true"
          className="flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg:not([class*='size-'])]:size-5"
        >
          {icon}
        </div>
      )}
      <div className="flex max-w-sm flex-col gap-1">
        <p data-slot="empty-state-title" className="font-medium">
          {title}
        </p>
        {description !== undefined && (
          <p data-slot="empty-state-description" className="text-muted-foreground text-sm">
            {description}
          </p>
        )}
      </div>
      {children}
      {action !== undefined && (
        <div data-slot="empty-state-action" className="mt-1">
          {action}
        </div>
      )}
    </div>
  );
}
