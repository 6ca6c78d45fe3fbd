import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UiStringsProvider } from '../lib/ui-strings.js';
import { Toaster, toast } from './toaster.js';

describe('Toaster', () => {
  it('shows a toast with its title and description in a labelled region', async () => {
    render(
      <UiStringsProvider strings={{ notifications: 'Benachrichtigungen' }}>
        <Toaster />
      </UiStringsProvider>,
    );
    act(() => {
      toast.success('Deal saved', { description: 'Acme renewal is now won.' });
    });
    expect(await screen.findByText('Deal saved')).toBeDefined();
    expect(screen.getByText('Acme renewal is now won.')).toBeDefined();
    expect(screen.getByRole('region').getAttribute('aria-label')).toMatch(/^Benachrichtigungen/);
  });
});
