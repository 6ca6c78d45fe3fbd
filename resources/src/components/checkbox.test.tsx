import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Checkbox } from './checkbox.js';
import { Label } from './label.js';

describe('Checkbox', () => {
  it('toggles by click on its label and by Space', async () => {
    const user = userEvent.setup();
    const onCheckedChange = vi.fn();
    render(
      <>
        <Checkbox id="terms" onCheckedChange={onCheckedChange} />
        <Label htmlFor="terms">Accept the terms</Label>
      </>,
    );
    const checkbox = screen.getByRole('checkbox', { name: 'Accept the terms' });
    expect(checkbox.getAttribute('aria-checked')).toBe('false');
    await user.click(screen.getByText('Accept the terms'));
    expect(checkbox.getAttribute('aria-checked')).toBe('true');
    await user.keyboard(' ');
    expect(checkbox.getAttribute('aria-checked')).toBe('false');
    expect(onCheckedChange.mock.calls).toEqual([[true], [false]]);
  });

  it('shows the indeterminate state as mixed', () => {
    render(<Checkbox aria-label="All" checked="indeterminate" />);
    expect(screen.getByRole('checkbox', { name: 'All' }).getAttribute('aria-checked')).toBe('mixed');
  });

  it('does not toggle when disabled', async () => {
    render(<Checkbox aria-label="Locked" disabled />);
    const checkbox = screen.getByRole('checkbox', { name: 'Locked' });
    await userEvent.click(checkbox);
    expect(checkbox.getAttribute('aria-checked')).toBe('false');
  });
});
