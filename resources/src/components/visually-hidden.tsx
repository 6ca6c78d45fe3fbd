import { VisuallyHidden as VisuallyHiddenPrimitive } from 'radix-ui';
import type { ComponentProps } from 'react';

/**
 * Content for screen readers only (a dialog title that should not show, an icon's meaning).
 *
 * @example
 * <VisuallyHidden><DialogTitle>Search</DialogTitle></VisuallyHidden>
 */
export function VisuallyHidden(props: ComponentProps<typeof VisuallyHiddenPrimitive.Root>) {
  return <VisuallyHiddenPrimitive.Root data-slot="visually-hidden" {...props} />;
}
