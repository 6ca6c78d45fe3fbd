import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DatePicker } from './date-picker.js';
import { FormField } from './form-field.js';

describe('DatePicker', () => {
  it('picks a day in the calendar, shows it and closes', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(
      <DatePicker
        aria-label="Close date"
        defaultValue={new Date(2025, 5, 16)}
        onValueChange={onValueChange}
        formatDate={(date) => date.toISOString().slice(0, 10)}
      />,
    );
    const trigger = screen.getByRole('button', { name: 'Close date' });
    expect(trigger.textContent).toContain('2025-06-16');
    await user.click(trigger);
    const grid = await screen.findByRole('grid');
    expect(grid.getAttribute('aria-label')).toContain('June 2025');

    const day = screen.getAllByRole('button').find((button) => button.textContent === '20');
    if (day === undefined) throw new Error('no day 20 in the calendar');
    await user.click(day);

    expect(onValueChange).toHaveBeenCalledWith(new Date(2025, 5, 20));
    await waitFor(() => expect(screen.queryByRole('grid')).toBeNull());
    expect(trigger.textContent).toContain('2025-06-20');
  });

  it('moves by keyboard: arrows between days, Enter picks', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(
      <DatePicker aria-label="Due" defaultValue={new Date(2025, 0, 10)} onValueChange={onValueChange} />,
    );
    await user.click(screen.getByRole('button', { name: 'Due' }));
    await screen.findByRole('grid');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('10'));
    await user.keyboard('{ArrowRight}{ArrowDown}{Enter}');
    expect(onValueChange).toHaveBeenCalledWith(new Date(2025, 0, 18));
  });

  it('names the month buttons from the given labels and shows the placeholder when empty', async () => {
    const user = userEvent.setup();
    render(
      <DatePicker
        aria-label="Start"
        placeholder="Wählen"
        previousMonthLabel="Vorheriger Monat"
        nextMonthLabel="Nächster Monat"
      />,
    );
    const trigger = screen.getByRole('button', { name: 'Start' });
    expect(trigger.textContent).toContain('Wählen');
    await user.click(trigger);
    expect(await screen.findByRole('button', { name: 'Vorheriger Monat' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Nächster Monat' })).toBeDefined();
  });

  it('in a required form field: labelled by it, invalid when it is, never aria-required (a button cannot be)', () => {
    render(
      <FormField label="Posting date" required error="is required">
        <DatePicker />
      </FormField>,
    );
    const trigger = screen.getByRole('button', { name: /^Posting date/ });
    expect(trigger.getAttribute('aria-invalid')).toBe('true');
    expect(trigger.hasAttribute('aria-required')).toBe(false);
  });
});
