/**
 * @codexion/resources: Codexion's design system. Tokens live in `@codexion/resources/tokens`, the
 * Tailwind theme in `@codexion/resources/theme.css`; this entry holds the React primitives and the
 * theme helpers.
 */

export { AppShell, type AppShellProps } from './components/app-shell.js';
export { Avatar, AvatarFallback, AvatarImage } from './components/avatar.js';
export { Badge, type BadgeProps, badgeVariants } from './components/badge.js';
export { type BreadcrumbItem, Breadcrumbs, type BreadcrumbsProps } from './components/breadcrumbs.js';
export { Button, type ButtonProps, buttonVariants } from './components/button.js';
export { Calendar, type CalendarProps } from './components/calendar.js';
export {
  Card,
  CardAction,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from './components/card.js';
export { chartTokens, chartTooltipStyle } from './components/chart-style.js';
export { Checkbox } from './components/checkbox.js';
export {
  Combobox,
  type ComboboxOption,
  type ComboboxProps,
  type LoadComboboxOptions,
} from './components/combobox.js';
export {
  Command,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
  CommandLoading,
  CommandSeparator,
  CommandShortcut,
} from './components/command.js';
export {
  CommandPalette,
  type CommandPaletteGroup,
  type CommandPaletteItem,
  type CommandPaletteProps,
} from './components/command-palette.js';
export { DatePicker, type DatePickerProps } from './components/date-picker.js';
export {
  Dialog,
  DialogClose,
  DialogContent,
  type DialogContentProps,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogOverlay,
  DialogTitle,
  DialogTrigger,
} from './components/dialog.js';
export {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  type DropdownMenuItemProps,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuShortcut,
  DropdownMenuSub,
  DropdownMenuSubContent,
  DropdownMenuSubTrigger,
  DropdownMenuTrigger,
} from './components/dropdown-menu.js';
export { EmptyState, type EmptyStateProps } from './components/empty-state.js';
export {
  type FormControlProps,
  FormField,
  type FormFieldContextValue,
  type FormFieldProps,
  useFormField,
} from './components/form-field.js';
export { controlClassName, Input } from './components/input.js';
export { Label } from './components/label.js';
export { OptionSelect, type OptionSelectProps, type SelectOption } from './components/option-select.js';
export { Pagination, type PaginationProps, paginationRange } from './components/pagination.js';
export {
  floatingSurfaceClassName,
  Popover,
  PopoverAnchor,
  PopoverContent,
  PopoverTrigger,
} from './components/popover.js';
export {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectScrollDownButton,
  SelectScrollUpButton,
  SelectSeparator,
  SelectTrigger,
  type SelectTriggerProps,
  SelectValue,
} from './components/select.js';
export {
  Sheet,
  SheetClose,
  SheetContent,
  type SheetContentProps,
  SheetDescription,
  SheetFooter,
  SheetHeader,
  SheetTitle,
  SheetTrigger,
} from './components/sheet.js';
export { type NavItem, type NavSection, SidebarNav, type SidebarNavProps } from './components/sidebar-nav.js';
export { Skeleton } from './components/skeleton.js';
export { StatCard, type StatCardProps } from './components/stat-card.js';
export { Switch } from './components/switch.js';
export {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from './components/table.js';
export { Tabs, TabsContent, TabsList, TabsTrigger } from './components/tabs.js';
export { Textarea } from './components/textarea.js';
export { ThemeToggle, type ThemeToggleProps } from './components/theme-toggle.js';
export { Toaster, toast } from './components/toaster.js';
export { Tooltip, TooltipContent, TooltipProvider, TooltipTrigger } from './components/tooltip.js';
export { VisuallyHidden } from './components/visually-hidden.js';
export { cn } from './lib/cn.js';
export { defaultRenderLink, type LinkRenderProps, type RenderLink } from './lib/render-link.js';
export {
  defaultUiStrings,
  type UiStrings,
  UiStringsProvider,
  type UiStringsProviderProps,
  useUiStrings,
} from './lib/ui-strings.js';
export {
  type AppliedThemeOverrides,
  applyThemeOverrides,
  resolveThemeOverrides,
  type ThemeLayerSource,
  ThemeOverrideError,
  type ThemeOverrideIssue,
  type ThemeOverrideLayer,
} from './theme/apply-theme-overrides.js';
export {
  type ResolvedTheme,
  type Theme,
  type ThemeContextValue,
  ThemeProvider,
  type ThemeProviderProps,
  themeInitScript,
  useTheme,
} from './theme/theme-provider.js';
