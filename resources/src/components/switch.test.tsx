import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Label } from './label.js';
import { Switch } from './switch.js';

describe('Switch', () => {
  it('is a switch that toggles by click and by keyboard', async () => {
    const user = userEvent.setup();
    const onCheckedChange = vi.fn();
    render(
      <>
        <Switch id="notify" onCheckedChange={onCheckedChange} />
        <Label htmlFor="notify">Email me</Label>
      </>,
    );
    const control = screen.getByRole('switch', { name: 'Email me' });
    expect(control.getAttribute('aria-checked')).toBe('false');
    await user.click(control);
    expect(control.getAttribute('aria-checked')).toBe('true');
    expect(control.dataset.state).toBe('checked');
    await user.keyboard('{Enter}');
    expect(control.getAttribute('aria-checked')).toBe('false');
    expect(onCheckedChange.mock.calls).toEqual([[true], [false]]);
  });
});
