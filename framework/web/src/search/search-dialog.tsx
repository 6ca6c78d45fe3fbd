import {
  Command,
  CommandInput,
  CommandList,
  Dialog,
  DialogContent,
  DialogTitle,
  VisuallyHidden,
} from '@codexion/resources';
import type { ReactNode } from 'react';

export interface SearchDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** the dialog's accessible name (visually hidden) */
  title: string;
  /** what is typed; the caller filters and searches (the list is not filtered by itself) */
  text: string;
  onTextChange: (text: string) => void;
  placeholder?: string;
  /** `data-slot` of the dialog, for styling and tests */
  slot?: string;
  /**
   * a live status between the box and the list ("Searching…"); outside the list, whose children
   * may only be groups and options
   */
  status?: ReactNode;
  /** the list's groups, items and states (`CommandGroup`, `CommandItem`, `CommandEmpty`, …) */
  children: ReactNode;
}

/**
 * The frame of a search over the server: a dialog near the top with a search box and the list of
 * hits under it, arrows and Enter to choose. `RecordSearch` and Cortex's command palette fill it.
 *
 * @example
 * <SearchDialog open={open} onOpenChange={setOpen} title="Search" text={text} onTextChange={setText}>
 *   <CommandGroup heading="Deals">…</CommandGroup>
 * </SearchDialog>
 */
export function SearchDialog({
  open,
  onOpenChange,
  title,
  text,
  onTextChange,
  placeholder,
  slot = 'search-dialog',
  status,
  children,
}: SearchDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        data-slot={slot}
        showCloseButton={false}
        aria-describedby={undefined}
        className="top-[15%] translate-y-0 overflow-hidden p-0 sm:max-w-xl"
      >
        <VisuallyHidden>
          <DialogTitle>{title}</DialogTitle>
        </VisuallyHidden>
        <Command label={title} shouldFilter={false} className="[&_[cmdk-item]]:py-2">
          <CommandInput value={text} onValueChange={onTextChange} placeholder={placeholder} />
          <div role="status" aria-live="polite" className="px-3 text-muted-foreground text-xs empty:hidden">
            {status}
          </div>
          <CommandList className="max-h-[min(60vh,440px)]">{children}</CommandList>
        </Command>
      </DialogContent>
    </Dialog>
  );
}
