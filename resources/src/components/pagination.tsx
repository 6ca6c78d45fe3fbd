import { ChevronLeftIcon, ChevronRightIcon, EllipsisIcon } from 'lucide-react';
import { type ComponentProps, useId } from 'react';
import { cn } from '../lib/cn.js';
import { type UiStrings, useUiStrings } from '../lib/ui-strings.js';
import { Button } from './button.js';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from './select.js';

/**
 * The page numbers to show: always the first and last, `siblings` around the current one, and
 * `'ellipsis'` for the gaps.
 *
 * @example
 * paginationRange(6, 12, 1); // [1, 'ellipsis', 5, 6, 7, 'ellipsis', 12]
 */
export function paginationRange(page: number, pageCount: number, siblings = 1): (number | 'ellipsis')[] {
  // first + last + current + siblings on both sides + two ellipses
  const slots = siblings * 2 + 5;
  if (pageCount <= slots) return Array.from({ length: pageCount }, (_, index) => index + 1);
  const start = Math.max(page - siblings, 2);
  const end = Math.min(page + siblings, pageCount - 1);
  const showStartGap = start > 3;
  const showEndGap = end < pageCount - 2;
  if (!showStartGap) {
    const head = Array.from({ length: siblings * 2 + 3 }, (_, index) => index + 1);
    return [...head, 'ellipsis', pageCount];
  }
  if (!showEndGap) {
    const tail = Array.from({ length: siblings * 2 + 3 }, (_, index) => pageCount - siblings * 2 - 2 + index);
    return [1, 'ellipsis', ...tail];
  }
  const middle = Array.from({ length: end - start + 1 }, (_, index) => start + index);
  return [1, 'ellipsis', ...middle, 'ellipsis', pageCount];
}

type PaginationLabels = Pick<
  UiStrings,
  | 'pagination'
  | 'previous'
  | 'next'
  | 'previousPage'
  | 'nextPage'
  | 'morePages'
  | 'goToPage'
  | 'pageStatus'
  | 'rowsPerPage'
>;

export interface PaginationProps extends Omit<ComponentProps<'nav'>, 'onChange'> {
  /** the current page, from 1 */
  page: number;
  /** how many pages there are; leave out when the total is unknown (cursor paging) */
  pageCount?: number;
  /** whether there is a next page when `pageCount` is unknown */
  hasNextPage?: boolean;
  onPageChange: (page: number) => void;
  /** page buttons shown on each side of the current one */
  siblingCount?: number;
  /** with `onPageSizeChange`, shows a rows-per-page select */
  pageSize?: number;
  pageSizeOptions?: readonly number[];
  onPageSizeChange?: (pageSize: number) => void;
  /** overrides of the built-in strings */
  labels?: Partial<PaginationLabels>;
}

/**
 * Page navigation for lists: previous/next, page numbers with gaps, and an optional rows-per-page
 * select. Works without a known total (then only previous/next and "Page n").
 *
 * @example
 * <Pagination page={page} pageCount={12} onPageChange={setPage}
 *   pageSize={50} pageSizeOptions={[25, 50, 100]} onPageSizeChange={setPageSize} />
 * <Pagination page={page} hasNextPage={nextCursor !== null} onPageChange={goTo} />
 */
export function Pagination({
  page,
  pageCount,
  hasNextPage,
  onPageChange,
  siblingCount = 1,
  pageSize,
  pageSizeOptions = [10, 25, 50, 100],
  onPageSizeChange,
  labels,
  className,
  ...props
}: PaginationProps) {
  const strings = { ...useUiStrings(), ...labels };
  const canGoBack = page > 1;
  const canGoForward = pageCount === undefined ? hasNextPage === true : page < pageCount;
  const sizeSelectId = useId();

  return (
    <nav
      data-slot="pagination"
      aria-label={strings.pagination}
      className={cn('flex flex-wrap items-center justify-between gap-3 text-sm', className)}
      {...props}
    >
      {pageSize !== undefined && onPageSizeChange !== undefined && (
        <div className="flex items-center gap-2">
          <span id={sizeSelectId} className="text-muted-foreground">
            {strings.rowsPerPage}
          </span>
          <Select value={String(pageSize)} onValueChange={(next) => onPageSizeChange(Number(next))}>
            <SelectTrigger size="sm" aria-labelledby={sizeSelectId} className="w-20">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {pageSizeOptions.map((option) => (
                <SelectItem key={option} value={String(option)}>
                  {option}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
      )}
      <div className="ms-auto flex items-center gap-3">
        {pageCount === undefined && (
          <span data-slot="pagination-status" className="text-muted-foreground" aria-live="polite">
            {strings.pageStatus(page, pageCount)}
          </span>
        )}
        <ul data-slot="pagination-content" className="flex items-center gap-1">
          <li>
            <Button
              variant="ghost"
              size="sm"
              aria-label={strings.previousPage}
              disabled={!canGoBack}
              onClick={() => onPageChange(page - 1)}
            >
              <ChevronLeftIcon aria-hidden="true" className="rtl:rotate-180" />
              <span className="hidden sm:inline">{strings.previous}</span>
            </Button>
          </li>
          {pageCount !== undefined &&
            paginationRange(page, pageCount, siblingCount).map((entry, index) =>
              entry === 'ellipsis' ? (
                // two gaps can exist; their position tells them apart
                // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity but their place
                <li key={`gap-${index}`}>
                  <span className="flex size-8 items-center justify-center text-muted-foreground">
                    <EllipsisIcon className="size-4" aria-hidden="true" />
                    <span className="sr-only">{strings.morePages}</span>
                  </span>
                </li>
              ) : (
                <li key={entry}>
                  <Button
                    variant={entry === page ? 'outline' : 'ghost'}
                    size="icon-sm"
                    aria-label={strings.goToPage(entry)}
                    aria-current={entry === page ? 'page' : undefined}
                    onClick={() => entry !== page && onPageChange(entry)}
                  >
                    {entry}
                  </Button>
                </li>
              ),
            )}
          <li>
            <Button
              variant="ghost"
              size="sm"
              aria-label={strings.nextPage}
              disabled={!canGoForward}
              onClick={() => onPageChange(page + 1)}
            >
              <span className="hidden sm:inline">{strings.next}</span>
              <ChevronRightIcon aria-hidden="true" className="rtl:rotate-180" />
            </Button>
          </li>
        </ul>
      </div>
    </nav>
  );
}
