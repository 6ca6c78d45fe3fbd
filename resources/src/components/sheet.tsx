import { cva, type VariantProps } from 'class-variance-authority';
import { XIcon } from 'lucide-react';
import { Dialog as SheetPrimitive } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from '../lib/cn.js';
import { useUiStrings } from '../lib/ui-strings.js';
import { DialogOverlay } from './dialog.js';

/**
 * A dialog that slides in from an edge (a side panel, the mobile sidebar). Same behaviour as
 * `Dialog`: focus trap, Escape, a title is required.
 *
 * @example
 * <Sheet>
 *   <SheetTrigger asChild><Button variant="outline">Filters</Button></SheetTrigger>
 *   <SheetContent side="right">
 *     <SheetHeader><SheetTitle>Filters</SheetTitle></SheetHeader>
 *     …
 *   </SheetContent>
 * </Sheet>
 */
export function Sheet(props: ComponentProps<typeof SheetPrimitive.Root>) {
  return <SheetPrimitive.Root data-slot="sheet" {...props} />;
}

export function SheetTrigger(props: ComponentProps<typeof SheetPrimitive.Trigger>) {
  return <SheetPrimitive.Trigger data-slot="sheet-trigger" {...props} />;
}

export function SheetClose(props: ComponentProps<typeof SheetPrimitive.Close>) {
  return <SheetPrimitive.Close data-slot="sheet-close" {...props} />;
}

const sheetVariants = cva(
  'fixed z-50 flex flex-col gap-4 bg-background shadow-lg outline-none transition ease-in-out',
  {
    variants: {
      side: {
        right:
          'inset-y-0 end-0 h-full w-3/4 border-s data-[state=closed]:animate-out-to-right data-[state=open]:animate-in-from-right sm:max-w-sm',
        left: 'inset-y-0 start-0 h-full w-3/4 border-e data-[state=closed]:animate-out-to-left data-[state=open]:animate-in-from-left sm:max-w-sm',
        top: 'inset-x-0 top-0 h-auto border-b data-[state=closed]:animate-out-to-top data-[state=open]:animate-in-from-top',
        bottom:
          'inset-x-0 bottom-0 h-auto border-t data-[state=closed]:animate-out-to-bottom data-[state=open]:animate-in-from-bottom',
      },
    },
    defaultVariants: { side: 'right' },
  },
);

export interface SheetContentProps
  extends ComponentProps<typeof SheetPrimitive.Content>,
    VariantProps<typeof sheetVariants> {
  showCloseButton?: boolean;
  /** the accessible name of the × button; defaults to the UiStrings "Close" */
  closeLabel?: string;
}

export function SheetContent({
  className,
  children,
  side = 'right',
  showCloseButton = true,
  closeLabel,
  ...props
}: SheetContentProps) {
  const strings = useUiStrings();
  return (
    <SheetPrimitive.Portal data-slot="sheet-portal">
      <DialogOverlay data-slot="sheet-overlay" />
      <SheetPrimitive.Content
        data-slot="sheet-content"
        className={cn(sheetVariants({ side }), className)}
        {...props}
      >
        {children}
        {showCloseButton && (
          <SheetPrimitive.Close
            data-slot="sheet-close"
            className="absolute end-4 top-4 cursor-pointer rounded-xs opacity-70 outline-none transition-opacity hover:opacity-100 focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:pointer-events-none"
          >
            <XIcon className="size-4" aria-hidden="true" />
            <span className="sr-only">{closeLabel ?? strings.close}</span>
          </SheetPrimitive.Close>
        )}
      </SheetPrimitive.Content>
    </SheetPrimitive.Portal>
  );
}

export function SheetHeader({ className, ...props }: ComponentProps<'div'>) {
  return <div data-slot="sheet-header" className={cn('flex flex-col gap-1.5 p-4', className)} {...props} />;
}

export function SheetFooter({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div data-slot="sheet-footer" className={cn('mt-auto flex flex-col gap-2 p-4', className)} {...props} />
  );
}

export function SheetTitle({ className, ...props }: ComponentProps<typeof SheetPrimitive.Title>) {
  return (
    <SheetPrimitive.Title
      data-slot="sheet-title"
      className={cn('font-semibold text-foreground', className)}
      {...props}
    />
  );
}

export function SheetDescription({ className, ...props }: ComponentProps<typeof SheetPrimitive.Description>) {
  return (
    <SheetPrimitive.Description
      data-slot="sheet-description"
      className={cn('text-muted-foreground text-sm', className)}
      {...props}
    />
  );
}
