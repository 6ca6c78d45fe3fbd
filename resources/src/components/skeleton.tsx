import type { ComponentProps } from 'react';
import { cn } from '../lib/cn.js';

/**
 * A pulsing placeholder shown while content loads. Size it with classes.
 *
 * @example
 * <Skeleton className="h-4 w-48" />
 */
export function Skeleton({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn('animate-pulse rounded-md bg-muted', className)}
      {...props}
    />
  );
}
