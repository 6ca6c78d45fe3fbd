import type { ComponentProps } from 'react';
import { cn } from '../lib/cn.js';

/**
 * The classes every text-like control shares (Input, Textarea, the triggers of Select, Combobox
 * and DatePicker), so that they line up in a form.
 */
export const controlClassName =
  'w-full min-w-0 rounded-md border border-input bg-background text-sm shadow-xs outline-none transition-[color,border-color,box-shadow] duration-(--duration-fast) placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-danger aria-invalid:ring-danger/20 dark:bg-input/30';

/**
 * A text input. Takes every `<input>` attribute.
 *
 * @example
 * <Input type="email" placeholder="ada@example.com" value={email} onChange={(e) => setEmail(e.target.value)} />
 */
export function Input({ className, type = 'text', ...props }: ComponentProps<'input'>) {
  return (
    <input
      data-slot="input"
      type={type}
      className={cn(
        controlClassName,
        'h-9 px-3 py-1 file:me-3 file:inline-flex file:h-7 file:border-0 file:bg-transparent file:font-medium file:text-foreground file:text-sm',
        className,
      )}
      {...props}
    />
  );
}
