import { CheckIcon, ChevronsUpDownIcon, XIcon } from 'lucide-react';
import { type ComponentProps, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { cn } from '../lib/cn.js';
import { useUiStrings } from '../lib/ui-strings.js';
import {
  Command,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
  CommandLoading,
  CommandSeparator,
} from './command.js';
import { useFormField } from './form-field.js';
import { controlClassName } from './input.js';
import { Popover, PopoverContent, PopoverTrigger } from './popover.js';

/** One choice of a `Combobox`. */
export interface ComboboxOption {
  value: string;
  label: string;
  /** a second, muted line (an email, a code) */
  description?: string;
  disabled?: boolean;
  /** more words the search should match */
  keywords?: string[];
}

/** Loads the options matching what the user typed; abort when `signal` fires. */
export type LoadComboboxOptions = (
  query: string,
  context: { signal: AbortSignal },
) => Promise<readonly ComboboxOption[]>;

export interface ComboboxProps
  extends Omit<ComponentProps<'button'>, 'value' | 'defaultValue' | 'onChange' | 'children'> {
  /** the chosen option's value; `null` for none (controlled) */
  value?: string | null;
  defaultValue?: string | null;
  onValueChange?: (value: string | null, option: ComboboxOption | undefined) => void;
  /** a fixed list, filtered in the browser */
  options?: readonly ComboboxOption[];
  /** fetches options as the user types (debounced, earlier requests aborted); replaces `options` */
  loadOptions?: LoadComboboxOptions;
  /** wait this long after the last keystroke before `loadOptions` (ms) */
  debounceMs?: number;
  /** the current value's option when it is not among the loaded options (e.g. a related record's label) */
  selectedOption?: ComboboxOption;
  /** offer a "Clear" entry when a value is chosen */
  clearable?: boolean;
  placeholder?: string;
  searchPlaceholder?: string;
  emptyText?: ReactNode;
  loadingText?: ReactNode;
  errorText?: ReactNode;
  clearLabel?: string;
  /** how an option looks in the list (the trigger shows `label`) */
  renderOption?: (option: ComboboxOption) => ReactNode;
  contentClassName?: string;
}

/* cmdk identifies items by value: this one cannot collide with an option's */
const clearItemValue = '\u0000clear';

type LoadState = { status: 'idle' | 'loading' | 'error'; options: readonly ComboboxOption[] };

/**
 * A searchable select: a button that opens a filterable list. With `loadOptions` it searches a
 * server as the user types, which makes it the relation picker. Keyboard: Enter/Space/↓ to open,
 * type to filter, ↑/↓ and Enter to choose, Escape to close. Put `id` and aria props on it as on
 * an input (FormField does).
 *
 * @example
 * <Combobox
 *   value={accountId}
 *   onValueChange={(id) => setAccountId(id)}
 *   selectedOption={account && { value: account.id, label: account.name }}
 *   loadOptions={async (q, { signal }) =>
 *     (await fetchAccounts({ q, signal })).items.map((a) => ({ value: a.id, label: a.name }))}
 *   placeholder="Choose an account"
 * />
 */
export function Combobox({
  value: valueProp,
  defaultValue = null,
  onValueChange,
  options,
  loadOptions,
  debounceMs = 200,
  selectedOption,
  clearable = false,
  placeholder,
  searchPlaceholder,
  emptyText,
  loadingText,
  errorText,
  clearLabel,
  renderOption,
  className,
  contentClassName,
  disabled,
  ...props
}: ComboboxProps) {
  const strings = useUiStrings();
  const field = useFormField();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [uncontrolled, setUncontrolled] = useState<string | null>(defaultValue);
  const value = valueProp !== undefined ? valueProp : uncontrolled;
  const [chosen, setChosen] = useState<ComboboxOption | undefined>(selectedOption);
  const [loaded, setLoaded] = useState<LoadState>({ status: 'idle', options: [] });
  // cmdk highlights the first match when the query changes, not when remote results arrive later
  const [highlighted, setHighlighted] = useState('');
  const loadRef = useRef(loadOptions);
  loadRef.current = loadOptions;
  const isAsync = loadOptions !== undefined;

  useEffect(() => {
    const load = loadRef.current;
    if (!open || load === undefined) return;
    const controller = new AbortController();
    setLoaded((previous) => ({ status: 'loading', options: previous.options }));
    const timer = setTimeout(
      () => {
        load(query, { signal: controller.signal }).then(
          (result) => {
            if (controller.signal.aborted) return;
            setLoaded({ status: 'idle', options: result });
            setHighlighted(result.find((option) => !option.disabled)?.value ?? '');
          },
          () => {
            if (!controller.signal.aborted) setLoaded({ status: 'error', options: [] });
          },
        );
      },
      query === '' ? 0 : debounceMs,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, query, debounceMs]);

  const list = isAsync ? loaded.options : (options ?? []);
  const current =
    value === null
      ? undefined
      : (list.find((option) => option.value === value) ??
        (chosen?.value === value ? chosen : undefined) ??
        (selectedOption?.value === value ? selectedOption : undefined));

  const choose = (option: ComboboxOption | undefined) => {
    const next = option?.value ?? null;
    setChosen(option);
    if (valueProp === undefined) setUncontrolled(next);
    onValueChange?.(next, option);
    setOpen(false);
    setQuery('');
  };

  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setQuery('');
      }}
    >
      <PopoverTrigger asChild disabled={disabled}>
        <button
          type="button"
          role="combobox"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-haspopup="listbox"
          data-slot="combobox-trigger"
          className={cn(
            controlClassName,
            "flex h-9 cursor-pointer items-center justify-between gap-2 px-3 py-2 text-start [&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4",
            className,
          )}
          {...props}
        >
          <span className={cn('truncate', current === undefined && 'text-muted-foreground')}>
            {current?.label ?? (value !== null ? value : (placeholder ?? strings.select))}
          </span>
          <ChevronsUpDownIcon className="opacity-60" aria-hidden="true" />
        </button>
      </PopoverTrigger>
      <PopoverContent
        data-slot="combobox-content"
        // the popover is a dialog: it takes the field's label, or the trigger's own
        aria-labelledby={field?.labelId}
        aria-label={field === undefined ? (props['aria-label'] ?? placeholder ?? strings.select) : undefined}
        align="start"
        className={cn('w-(--radix-popover-trigger-width) min-w-56 p-0', contentClassName)}
      >
        <Command
          shouldFilter={!isAsync}
          {...(isAsync ? { value: highlighted, onValueChange: setHighlighted } : {})}
        >
          <CommandInput
            placeholder={searchPlaceholder ?? strings.search}
            value={query}
            onValueChange={setQuery}
          />
          <CommandList id={listId}>
            {isAsync && loaded.status === 'loading' && loaded.options.length === 0 ? (
              <CommandLoading>{loadingText ?? strings.loading}</CommandLoading>
            ) : isAsync && loaded.status === 'error' ? (
              <div role="alert" className="py-6 text-center text-danger text-sm">
                {errorText ?? strings.loadFailed}
              </div>
            ) : (
              <CommandEmpty>{emptyText ?? strings.noResults}</CommandEmpty>
            )}
            <CommandGroup>
              {list.map((option) => (
                <CommandItem
                  key={option.value}
                  value={option.value}
                  keywords={[
                    option.label,
                    ...(option.description ? [option.description] : []),
                    ...(option.keywords ?? []),
                  ]}
                  disabled={option.disabled}
                  onSelect={() => choose(option)}
                >
                  {renderOption ? (
                    renderOption(option)
                  ) : (
                    <span className="flex min-w-0 flex-col">
                      <span className="truncate">{option.label}</span>
                      {option.description && (
                        <span className="truncate text-muted-foreground text-xs">{option.description}</span>
                      )}
                    </span>
                  )}
                  <CheckIcon
                    aria-hidden="true"
                    className={cn('ms-auto', option.value === value ? 'opacity-100' : 'opacity-0')}
                  />
                </CommandItem>
              ))}
            </CommandGroup>
            {clearable && value !== null && (
              <>
                <CommandSeparator />
                <CommandGroup>
                  <CommandItem value={clearItemValue} onSelect={() => choose(undefined)}>
                    <XIcon aria-hidden="true" />
                    {clearLabel ?? strings.clear}
                  </CommandItem>
                </CommandGroup>
              </>
            )}
          </CommandList>
        </Command>
      </PopoverContent>
    </Popover>
  );
}
