import type { ComponentProps } from 'react';
import { cn } from '../lib/cn.js';
import { controlClassName } from './input.js';

/**
 * A multi-line text input that grows with its content (where the browser supports
 * `field-sizing`).
 *
 * @example
 * <Textarea rows={4} placeholder="Notes" {...register('notes')} />
 */
export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return (
    <textarea
      data-slot="textarea"
      className={cn(controlClassName, 'field-sizing-content min-h-16 px-3 py-2', className)}
      {...props}
    />
  );
}
