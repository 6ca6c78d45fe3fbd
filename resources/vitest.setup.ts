import { afterEach } from 'vitest';

// Testing Library unmounts after each test only when the runner has globals; this runner does not.
// The gallery's a11y test runs in Node, where there is no DOM to clean.
if (typeof document !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => {
    cleanup();
    document.documentElement.className = '';
    document.documentElement.removeAttribute('style');
    document.documentElement.removeAttribute('data-theme');
    window.localStorage.clear();
  });
}
