import { createContext, type ReactNode, useContext, useMemo } from 'react';

/**
 * Every piece of text the primitives show or announce on their own. English by default; an app
 * passes its translations once with `UiStringsProvider`, and a single component can still take a
 * prop that wins over both.
 */
export interface UiStrings {
  close: string;
  previous: string;
  next: string;
  previousPage: string;
  nextPage: string;
  morePages: string;
  pagination: string;
  /** the accessible name of a page button */
  goToPage: (page: number) => string;
  /** "Page 3 of 12" (pageCount undefined when the total is not known) */
  pageStatus: (page: number, pageCount: number | undefined) => string;
  rowsPerPage: string;
  breadcrumb: string;
  noResults: string;
  loading: string;
  loadFailed: string;
  search: string;
  select: string;
  clear: string;
  pickDate: string;
  previousMonth: string;
  nextMonth: string;
  toggleSidebar: string;
  skipToContent: string;
  navigation: string;
  theme: string;
  themeLight: string;
  themeDark: string;
  themeSystem: string;
  commandPalette: string;
  commandPlaceholder: string;
  notifications: string;
}

/**
 * The English strings the primitives use when nothing else is given.
 *
 * @example
 * defaultUiStrings.goToPage(3); // 'Go to page 3'
 */
export const defaultUiStrings: UiStrings = {
  close: 'Close',
  previous: 'Previous',
  next: 'Next',
  previousPage: 'Go to previous page',
  nextPage: 'Go to next page',
  morePages: 'More pages',
  pagination: 'Pagination',
  goToPage: (page) => `Go to page ${page}`,
  pageStatus: (page, pageCount) =>
    pageCount === undefined ? `Page ${page}` : `Page ${page} of ${pageCount}`,
  rowsPerPage: 'Rows per page',
  breadcrumb: 'Breadcrumb',
  noResults: 'No results',
  loading: 'Loading…',
  loadFailed: 'Could not load the options',
  search: 'Search…',
  select: 'Select…',
  clear: 'Clear',
  pickDate: 'Pick a date',
  previousMonth: 'Go to the previous month',
  nextMonth: 'Go to the next month',
  toggleSidebar: 'Toggle sidebar',
  skipToContent: 'Skip to content',
  navigation: 'Main navigation',
  theme: 'Theme',
  themeLight: 'Light',
  themeDark: 'Dark',
  themeSystem: 'System',
  commandPalette: 'Command palette',
  commandPlaceholder: 'Type a command or search…',
  notifications: 'Notifications',
};

const UiStringsContext = createContext<UiStrings>(defaultUiStrings);

export interface UiStringsProviderProps {
  /** the strings to change; the others keep their English default (or the outer provider's) */
  strings: Partial<UiStrings>;
  children: ReactNode;
}

/**
 * Gives the primitives below it translated built-in strings.
 *
 * @example
 * const { t } = useTranslation();
 * <UiStringsProvider strings={{ close: t('close'), goToPage: (n) => t('goToPage', { n }) }}>
 *   <App />
 * </UiStringsProvider>
 */
export function UiStringsProvider({ strings, children }: UiStringsProviderProps) {
  const outer = useContext(UiStringsContext);
  const value = useMemo(() => ({ ...outer, ...strings }), [outer, strings]);
  return <UiStringsContext value={value}>{children}</UiStringsContext>;
}

/**
 * The built-in strings in effect here.
 *
 * @example
 * const strings = useUiStrings();
 * <button aria-label={closeLabel ?? strings.close} />
 */
export function useUiStrings(): UiStrings {
  return useContext(UiStringsContext);
}
