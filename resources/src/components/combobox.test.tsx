import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Combobox, type ComboboxOption } from './combobox.js';

const fruits: ComboboxOption[] = [
  { value: 'apple', label: 'Apple' },
  { value: 'banana', label: 'Banana' },
  { value: 'blueberry', label: 'Blueberry' },
  { value: 'cherry', label: 'Cherry' },
];

describe('Combobox', () => {
  it('opens from the keyboard, filters as you type and chooses with Enter', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(
      <Combobox
        aria-label="Fruit"
        options={fruits}
        onValueChange={onValueChange}
        placeholder="Pick a fruit"
      />,
    );
    const trigger = screen.getByRole('combobox', { name: 'Fruit' });
    expect(trigger.textContent).toContain('Pick a fruit');
    trigger.focus();
    await user.keyboard('{Enter}');
    const search = await screen.findByPlaceholderText('Search…');
    await waitFor(() => expect(document.activeElement).toBe(search));

    await user.keyboard('b');
    await waitFor(() => expect(screen.queryByRole('option', { name: 'Apple' })).toBeNull());
    expect(screen.getByRole('option', { name: 'Banana' })).toBeDefined();
    await user.keyboard('{ArrowDown}{Enter}');

    await waitFor(() => expect(onValueChange).toHaveBeenCalledWith('blueberry', fruits[2]));
    await waitFor(() => expect(screen.queryByPlaceholderText('Search…')).toBeNull());
    expect(trigger.textContent).toContain('Blueberry');
  });

  it('shows the empty text when nothing matches', async () => {
    const user = userEvent.setup();
    render(<Combobox aria-label="Fruit" options={fruits} emptyText="Nothing found" />);
    await user.click(screen.getByRole('combobox', { name: 'Fruit' }));
    await user.keyboard('zzz');
    expect(await screen.findByText('Nothing found')).toBeDefined();
  });

  it('loads options from a server as the user types, aborting stale requests', async () => {
    const user = userEvent.setup();
    const signals: AbortSignal[] = [];
    const loadOptions = vi.fn(async (query: string, { signal }: { signal: AbortSignal }) => {
      signals.push(signal);
      return fruits.filter((fruit) => fruit.label.toLowerCase().startsWith(query.toLowerCase()));
    });
    const onValueChange = vi.fn();
    render(
      <Combobox
        aria-label="Fruit"
        loadOptions={loadOptions}
        debounceMs={10}
        value="apple"
        selectedOption={{ value: 'apple', label: 'Apple' }}
        onValueChange={onValueChange}
      />,
    );
    const trigger = screen.getByRole('combobox', { name: 'Fruit' });
    expect(trigger.textContent).toContain('Apple');
    await user.click(trigger);
    await waitFor(() => expect(loadOptions).toHaveBeenCalledWith('', expect.anything()));
    expect(await screen.findByRole('option', { name: 'Cherry' })).toBeDefined();

    await user.keyboard('ch');
    await waitFor(() => expect(loadOptions).toHaveBeenLastCalledWith('ch', expect.anything()));
    await waitFor(() => expect(screen.queryByRole('option', { name: 'Apple' })).toBeNull());
    expect(signals.slice(0, -1).every((signal) => signal.aborted)).toBe(true);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onValueChange).toHaveBeenCalledWith('cherry', fruits[3]));
  });

  it('tells when options could not be loaded', async () => {
    const user = userEvent.setup();
    render(
      <Combobox
        aria-label="Fruit"
        loadOptions={() => Promise.reject(new Error('offline'))}
        errorText="Offline"
      />,
    );
    await user.click(screen.getByRole('combobox', { name: 'Fruit' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Offline');
  });

  it('clears the value from the list when clearable', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(
      <Combobox
        aria-label="Fruit"
        options={fruits}
        defaultValue="cherry"
        clearable
        onValueChange={onValueChange}
      />,
    );
    await user.click(screen.getByRole('combobox', { name: 'Fruit' }));
    await user.click(screen.getByRole('option', { name: 'Clear' }));
    expect(onValueChange).toHaveBeenCalledWith(null, undefined);
    expect(screen.getByRole('combobox', { name: 'Fruit' }).textContent).toContain('Select…');
  });
});
