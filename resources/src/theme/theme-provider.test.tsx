import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ThemeToggle } from '../components/theme-toggle.js';
import { ThemeProvider, themeInitScript, useTheme } from './theme-provider.js';

function Probe() {
  const { theme, resolvedTheme, setTheme } = useTheme();
  return (
    <div>
      <span data-testid="theme">{`${theme}/${resolvedTheme}`}</span>
      <button type="button" onClick={() => setTheme('dark')}>
        dark
      </button>
    </div>
  );
}

function mockSystemDark(dark: boolean) {
  const listeners = new Set<() => void>();
  const media = {
    matches: dark,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  };
  vi.spyOn(window, 'matchMedia').mockImplementation(() => media as unknown as MediaQueryList);
  return (next: boolean) => {
    media.matches = next;
    for (const listener of listeners) listener();
  };
}

afterEach(() => vi.restoreAllMocks());

describe('ThemeProvider', () => {
  it('follows the system by default and its changes', () => {
    const setSystemDark = mockSystemDark(false);
    render(
      <ThemeProvider>
        <Probe />
      </ThemeProvider>,
    );
    expect(screen.getByTestId('theme').textContent).toBe('system/light');
    expect(document.documentElement.classList.contains('light')).toBe(true);
    act(() => setSystemDark(true));
    expect(screen.getByTestId('theme').textContent).toBe('system/dark');
    expect(document.documentElement.classList.contains('dark')).toBe(true);
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('remembers the choice in localStorage and restores it', async () => {
    mockSystemDark(false);
    const { unmount } = render(
      <ThemeProvider storageKey="t">
        <Probe />
      </ThemeProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'dark' }));
    expect(window.localStorage.getItem('t')).toBe('dark');
    unmount();
    render(
      <ThemeProvider storageKey="t">
        <Probe />
      </ThemeProvider>,
    );
    expect(screen.getByTestId('theme').textContent).toBe('dark/dark');
  });

  it('ignores a stored value that is not a theme', () => {
    mockSystemDark(false);
    window.localStorage.setItem('codexion-theme', 'purple');
    render(
      <ThemeProvider defaultTheme="dark">
        <Probe />
      </ThemeProvider>,
    );
    expect(screen.getByTestId('theme').textContent).toBe('dark/dark');
  });

  it('switches theme from the ThemeToggle menu', async () => {
    mockSystemDark(false);
    const user = userEvent.setup();
    render(
      <ThemeProvider defaultTheme="light">
        <ThemeToggle />
        <Probe />
      </ThemeProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Theme' }));
    await user.click(await screen.findByRole('menuitemradio', { name: 'Dark' }));
    expect(screen.getByTestId('theme').textContent).toBe('dark/dark');
  });

  it('throws a clear error outside the provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<Probe />)).toThrow('useTheme() must be used inside <ThemeProvider>');
  });

  it('offers an inline script that sets the class before React runs', () => {
    mockSystemDark(true);
    window.localStorage.setItem('k', 'system');
    new Function(themeInitScript('k'))();
    expect(document.documentElement.classList.contains('dark')).toBe(true);
  });
});
