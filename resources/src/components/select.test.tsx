import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from './select.js';

describe('Select', () => {
  it('chooses an option with the keyboard', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(
      <Select onValueChange={onValueChange}>
        <SelectTrigger aria-label="Stage">
          <SelectValue placeholder="Choose a stage" />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value="lead">Lead</SelectItem>
          <SelectItem value="qualified">Qualified</SelectItem>
          <SelectItem value="won">Won</SelectItem>
        </SelectContent>
      </Select>,
    );
    const trigger = screen.getByRole('combobox', { name: 'Stage' });
    expect(trigger.textContent).toContain('Choose a stage');
    trigger.focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('listbox');
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await waitFor(() => expect(onValueChange).toHaveBeenCalledWith('won'));
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    expect(trigger.textContent).toContain('Won');
  });
});
