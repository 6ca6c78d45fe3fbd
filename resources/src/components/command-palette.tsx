import { Dialog as DialogPrimitive, VisuallyHidden } from 'radix-ui';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { cn } from '../lib/cn.js';
import { useUiStrings } from '../lib/ui-strings.js';
import {
  Command,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
  CommandShortcut,
} from './command.js';
import { Dialog, DialogContent } from './dialog.js';

/** One entry of the palette. */
export interface CommandPaletteItem {
  id: string;
  label: string;
  icon?: ReactNode;
  /** shown at the end, e.g. "⌘N" (visual only) */
  shortcut?: string;
  /** more words the search should match */
  keywords?: string[];
  disabled?: boolean;
  onSelect: () => void;
}

export interface CommandPaletteGroup {
  id: string;
  heading?: string;
  items: readonly CommandPaletteItem[];
}

export interface CommandPaletteProps {
  /** entries by group; choosing one runs it and closes the palette */
  groups?: readonly CommandPaletteGroup[];
  /** more `CommandGroup`/`CommandItem`s, for custom entries (close it yourself with `onOpenChange`) */
  children?: ReactNode;
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** the letter that opens it with Ctrl (Cmd on macOS); `false` for no shortcut */
  hotkey?: string | false;
  /** the dialog's accessible name (visually hidden) */
  title?: string;
  placeholder?: string;
  emptyText?: ReactNode;
  className?: string;
}

/**
 * A command palette: a dialog with a search box over commands, opened with Ctrl+K / ⌘K.
 *
 * @example
 * <CommandPalette
 *   groups={[{ id: 'go', heading: 'Go to', items: [
 *     { id: 'deals', label: 'Deals', icon: <HandshakeIcon />, onSelect: () => navigate('/crm/deals') },
 *   ] }]}
 * />
 */
export function CommandPalette({
  groups = [],
  children,
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  hotkey = 'k',
  title,
  placeholder,
  emptyText,
  className,
}: CommandPaletteProps) {
  const strings = useUiStrings();
  const [uncontrolled, setUncontrolled] = useState(defaultOpen);
  const open = openProp ?? uncontrolled;
  const setOpen = (next: boolean) => {
    if (openProp === undefined) setUncontrolled(next);
    onOpenChange?.(next);
  };
  // the key listener is added once and reads the latest state through this ref
  const toggleRef = useRef(() => {});
  toggleRef.current = () => setOpen(!open);

  useEffect(() => {
    if (hotkey === false) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        (event.ctrlKey || event.metaKey) &&
        !event.altKey &&
        event.key.toLowerCase() === hotkey.toLowerCase()
      ) {
        event.preventDefault();
        toggleRef.current();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [hotkey]);

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogContent
        data-slot="command-palette"
        showCloseButton={false}
        aria-describedby={undefined}
        className={cn('top-[20%] translate-y-0 overflow-hidden p-0 sm:max-w-xl', className)}
      >
        <VisuallyHidden.Root asChild>
          <DialogPrimitive.Title>{title ?? strings.commandPalette}</DialogPrimitive.Title>
        </VisuallyHidden.Root>
        <Command label={title ?? strings.commandPalette} className="[&_[cmdk-item]]:py-2">
          <CommandInput placeholder={placeholder ?? strings.commandPlaceholder} />
          <CommandList className="max-h-[min(60vh,400px)]">
            <CommandEmpty>{emptyText ?? strings.noResults}</CommandEmpty>
            {groups.map((group) => (
              <CommandGroup key={group.id} heading={group.heading}>
                {group.items.map((item) => (
                  <CommandItem
                    key={item.id}
                    value={item.id}
                    keywords={[item.label, ...(item.keywords ?? [])]}
                    disabled={item.disabled}
                    onSelect={() => {
                      setOpen(false);
                      item.onSelect();
                    }}
                  >
                    {item.icon}
                    <span>{item.label}</span>
                    {item.shortcut && <CommandShortcut>{item.shortcut}</CommandShortcut>}
                  </CommandItem>
                ))}
              </CommandGroup>
            ))}
            {children}
          </CommandList>
        </Command>
      </DialogContent>
    </Dialog>
  );
}
