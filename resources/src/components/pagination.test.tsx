import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Pagination, paginationRange } from './pagination.js';

describe('paginationRange', () => {
  it.each([
    [1, 5, [1, 2, 3, 4, 5]],
    [1, 12, [1, 2, 3, 4, 5, 'ellipsis', 12]],
    [4, 12, [1, 2, 3, 4, 5, 'ellipsis', 12]],
    [6, 12, [1, 'ellipsis', 5, 6, 7, 'ellipsis', 12]],
    [12, 12, [1, 'ellipsis', 8, 9, 10, 11, 12]],
    [0, 0, []],
  ])('page %i of %i', (page, count, expected) => {
    expect(paginationRange(page, count)).toEqual(expected);
  });
});

describe('Pagination', () => {
  it('calls onPageChange from the previous, next and page buttons and marks the current page', async () => {
    const user = userEvent.setup();
    const onPageChange = vi.fn();
    render(<Pagination page={6} pageCount={12} onPageChange={onPageChange} />);
    const nav = screen.getByRole('navigation', { name: 'Pagination' });
    expect(within(nav).getByRole('button', { name: 'Go to page 6' }).getAttribute('aria-current')).toBe(
      'page',
    );
    await user.click(screen.getByRole('button', { name: 'Go to previous page' }));
    await user.click(screen.getByRole('button', { name: 'Go to next page' }));
    await user.click(screen.getByRole('button', { name: 'Go to page 12' }));
    await user.click(screen.getByRole('button', { name: 'Go to page 6' }));
    expect(onPageChange.mock.calls).toEqual([[5], [7], [12]]);
  });

  it('disables previous on the first page and next on the last', () => {
    const { rerender } = render(<Pagination page={1} pageCount={3} onPageChange={() => undefined} />);
    expect((screen.getByRole('button', { name: 'Go to previous page' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    rerender(<Pagination page={3} pageCount={3} onPageChange={() => undefined} />);
    expect((screen.getByRole('button', { name: 'Go to next page' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('pages without a known total using hasNextPage', async () => {
    const user = userEvent.setup();
    const onPageChange = vi.fn();
    const { rerender } = render(<Pagination page={2} hasNextPage onPageChange={onPageChange} />);
    expect(screen.getByText('Page 2')).toBeDefined();
    expect(screen.queryByRole('button', { name: /Go to page/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Go to next page' }));
    expect(onPageChange).toHaveBeenCalledWith(3);
    rerender(<Pagination page={2} hasNextPage={false} onPageChange={onPageChange} />);
    expect((screen.getByRole('button', { name: 'Go to next page' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('changes the page size from the rows-per-page select', async () => {
    const user = userEvent.setup();
    const onPageSizeChange = vi.fn();
    render(
      <Pagination
        page={1}
        pageCount={4}
        onPageChange={() => undefined}
        pageSize={25}
        pageSizeOptions={[25, 50]}
        onPageSizeChange={onPageSizeChange}
      />,
    );
    await user.click(screen.getByRole('combobox', { name: 'Rows per page' }));
    await user.click(await screen.findByRole('option', { name: '50' }));
    await waitFor(() => expect(onPageSizeChange).toHaveBeenCalledWith(50));
  });

  it('takes translated labels', () => {
    render(
      <Pagination
        page={1}
        pageCount={2}
        onPageChange={() => undefined}
        labels={{
          pagination: 'Seiten',
          goToPage: (page) => `Seite ${page}`,
          next: 'Weiter',
          nextPage: 'Nächste Seite',
        }}
      />,
    );
    expect(screen.getByRole('navigation', { name: 'Seiten' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Seite 2' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Nächste Seite' }).textContent).toContain('Weiter');
  });
});
