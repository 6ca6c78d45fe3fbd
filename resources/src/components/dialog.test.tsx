import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UiStringsProvider } from '../lib/ui-strings.js';
import { Button } from './button.js';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogTitle,
  DialogTrigger,
} from './dialog.js';
import { Input } from './input.js';

function Example() {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button>Rename</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Rename the deal</DialogTitle>
        <DialogDescription>Pick a new name.</DialogDescription>
        <Input aria-label="Name" />
        <DialogClose asChild>
          <Button>Done</Button>
        </DialogClose>
      </DialogContent>
    </Dialog>
  );
}

describe('Dialog', () => {
  it('opens from its trigger with a title and description, and closes with Escape, returning focus', async () => {
    const user = userEvent.setup();
    render(<Example />);
    const trigger = screen.getByRole('button', { name: 'Rename' });
    await user.click(trigger);
    const dialog = screen.getByRole('dialog', { name: 'Rename the deal' });
    expect(dialog.getAttribute('aria-describedby')).toBe(screen.getByText('Pick a new name.').id);
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(trigger);
  });

  it('traps focus: Tab cycles through the dialog only', async () => {
    const user = userEvent.setup();
    render(
      <>
        <Button>Outside</Button>
        <Example />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    const dialog = screen.getByRole('dialog');
    for (let step = 0; step < 6; step += 1) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    await user.tab({ shift: true });
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it('closes with its × button, whose name comes from the strings', async () => {
    const user = userEvent.setup();
    render(
      <UiStringsProvider strings={{ close: 'Schließen' }}>
        <Example />
      </UiStringsProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    await user.click(screen.getByRole('button', { name: 'Schließen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
