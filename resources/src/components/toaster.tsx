import { type CSSProperties, useContext } from 'react';
import { Toaster as Sonner, type ToasterProps } from 'sonner';
import { useUiStrings } from '../lib/ui-strings.js';
import { ThemeContext } from '../theme/theme-provider.js';

/**
 * Where toasts appear; render it once near the root, then call `toast()` anywhere. Follows the
 * `ThemeProvider`'s theme when there is one.
 *
 * @example
 * <Toaster />
 * toast.success('Deal saved');
 * toast.error('Could not save', { description: problem.detail });
 */
export function Toaster({ toastOptions, style, ...props }: ToasterProps) {
  const strings = useUiStrings();
  const theme = useContext(ThemeContext);
  return (
    <Sonner
      theme={theme?.resolvedTheme ?? 'system'}
      className="toaster group"
      containerAriaLabel={strings.notifications}
      style={
        {
          '--normal-bg': 'var(--popover)',
          '--normal-text': 'var(--popover-foreground)',
          '--normal-border': 'var(--border)',
          '--border-radius': 'var(--radius)',
          ...style,
        } as CSSProperties
      }
      toastOptions={{
        closeButtonAriaLabel: strings.close,
        ...toastOptions,
        classNames: {
          toast: 'font-sans shadow-lg',
          description: 'text-muted-foreground!',
          actionButton: 'bg-primary! text-primary-foreground!',
          cancelButton: 'bg-muted! text-muted-foreground!',
          success: '[&_[data-icon]]:text-success',
          error: '[&_[data-icon]]:text-danger',
          warning: '[&_[data-icon]]:text-warning-foreground dark:[&_[data-icon]]:text-warning',
          info: '[&_[data-icon]]:text-info',
          ...toastOptions?.classNames,
        },
      }}
      {...props}
    />
  );
}

export { toast } from 'sonner';
