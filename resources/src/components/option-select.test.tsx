import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OptionSelect } from './option-select.js';

const options = [
  { value: 'EUR', label: 'Euro' },
  { value: 'USD', label: 'US dollar' },
  { value: 'GBP', label: 'Pound', disabled: true },
];

describe('OptionSelect', () => {
  it('shows the chosen label, passes trigger props on and picks with the keyboard', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(
      <OptionSelect
        aria-label="Currency"
        size="sm"
        value="EUR"
        onValueChange={onValueChange}
        options={options}
      />,
    );
    const trigger = screen.getByRole('combobox', { name: 'Currency' });
    expect(trigger.getAttribute('data-size')).toBe('sm');
    expect(trigger.textContent).toContain('Euro');
    trigger.focus();
    await user.keyboard('{Enter}');
    const listbox = await screen.findByRole('listbox');
    expect(listbox.querySelector('[data-disabled]')?.textContent).toContain('Pound');
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(onValueChange).toHaveBeenCalledWith('USD'));
  });

  it('shows the placeholder until a value is chosen', () => {
    render(
      <OptionSelect
        aria-label="Currency"
        value={undefined}
        placeholder="Pick one"
        onValueChange={() => {}}
        options={options}
      />,
    );
    expect(screen.getByRole('combobox', { name: 'Currency' }).textContent).toContain('Pick one');
  });
});
