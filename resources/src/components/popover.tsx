import { Popover as PopoverPrimitive } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from '../lib/cn.js';

/**
 * A floating panel anchored to its trigger; Escape or a click outside closes it.
 *
 * @example
 * <Popover>
 *   <PopoverTrigger asChild><Button variant="outline">Filters</Button></PopoverTrigger>
 *   <PopoverContent>…</PopoverContent>
 * </Popover>
 */
export function Popover(props: ComponentProps<typeof PopoverPrimitive.Root>) {
  return <PopoverPrimitive.Root data-slot="popover" {...props} />;
}

export function PopoverTrigger(props: ComponentProps<typeof PopoverPrimitive.Trigger>) {
  return <PopoverPrimitive.Trigger data-slot="popover-trigger" {...props} />;
}

export function PopoverAnchor(props: ComponentProps<typeof PopoverPrimitive.Anchor>) {
  return <PopoverPrimitive.Anchor data-slot="popover-anchor" {...props} />;
}

/** The classes every floating surface (popover, menu, select list) shares. */
export const floatingSurfaceClassName =
  'z-50 origin-(--radix-popper-transform-origin) rounded-md border bg-popover text-popover-foreground shadow-md outline-none data-[state=closed]:animate-out-zoom data-[state=open]:animate-in-zoom';

export function PopoverContent({
  className,
  align = 'center',
  sideOffset = 4,
  ...props
}: ComponentProps<typeof PopoverPrimitive.Content>) {
  return (
    <PopoverPrimitive.Portal>
      <PopoverPrimitive.Content
        data-slot="popover-content"
        align={align}
        sideOffset={sideOffset}
        className={cn(floatingSurfaceClassName, 'w-72 p-4', className)}
        {...props}
      />
    </PopoverPrimitive.Portal>
  );
}
