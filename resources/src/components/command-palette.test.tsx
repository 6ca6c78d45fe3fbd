import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CommandPalette } from './command-palette.js';

describe('CommandPalette', () => {
  it('opens with Ctrl+K, filters as you type, runs the chosen command and closes', async () => {
    const user = userEvent.setup();
    const openDeals = vi.fn();
    const openContacts = vi.fn();
    render(
      <CommandPalette
        groups={[
          {
            id: 'go',
            heading: 'Go to',
            items: [
              { id: 'deals', label: 'Deals', onSelect: openDeals },
              { id: 'contacts', label: 'Contacts', onSelect: openContacts },
            ],
          },
        ]}
      />,
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.keyboard('{Control>}k{/Control}');
    expect(await screen.findByRole('dialog', { name: 'Command palette' })).toBeDefined();
    expect(screen.getAllByRole('option')).toHaveLength(2);

    await user.keyboard('cont');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1));
    expect(screen.getByRole('option').textContent).toContain('Contacts');
    await user.keyboard('{Enter}');

    expect(openContacts).toHaveBeenCalledOnce();
    expect(openDeals).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('opens with ⌘K too, shows the empty text, closes with Escape and Ctrl+K toggles', async () => {
    const user = userEvent.setup();
    render(<CommandPalette emptyText="Nichts gefunden" title="Befehle" groups={[]} />);
    await user.keyboard('{Meta>}k{/Meta}');
    expect(await screen.findByRole('dialog', { name: 'Befehle' })).toBeDefined();
    expect(screen.getByText('Nichts gefunden')).toBeDefined();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await user.keyboard('{Control>}k{/Control}');
    await screen.findByRole('dialog');
    await user.keyboard('{Control>}k{/Control}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('has no shortcut with hotkey={false}', async () => {
    const user = userEvent.setup();
    render(<CommandPalette hotkey={false} />);
    await user.keyboard('{Control>}k{/Control}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
