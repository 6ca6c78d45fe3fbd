import { describe, expect, it, vi } from 'vitest';
import { applyTenantTheme, tenantThemeLayer } from './apply-tenant-theme.js';

describe('tenant theme overrides', () => {
  it('maps color roles to both modes and the other tokens to the mode shown', () => {
    const theme = {
      light: { primary: 'oklch(0.55 0.2 150)', radius: '0.25rem' },
      dark: { primary: '#22c55e', radius: '0.75rem', 'color.brand.600': '#16a34a' },
    };
    expect(tenantThemeLayer(theme, 'light').tokens).toEqual({
      'semantic.light.primary': 'oklch(0.55 0.2 150)',
      'radius.base': '0.25rem',
      'semantic.dark.primary': '#22c55e',
    });
    expect(tenantThemeLayer(theme, 'dark').tokens).toEqual({
      'semantic.light.primary': 'oklch(0.55 0.2 150)',
      'semantic.dark.primary': '#22c55e',
      'radius.base': '0.75rem',
      'color.brand.600': '#16a34a',
    });
  });

  it('puts the overrides on the element and takes them off again', () => {
    const target = document.createElement('div');
    const applied = applyTenantTheme({ light: { primary: '#2563eb', radius: '0.25rem' } }, 'light', target);
    expect(target.style.getPropertyValue('--light-primary')).toBe('#2563eb');
    expect(target.style.getPropertyValue('--radius')).toBe('0.25rem');
    applied?.reset();
    expect(target.style.getPropertyValue('--light-primary')).toBe('');
  });

  it('applies nothing of a theme the design system refuses, and says why', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const target = document.createElement('div');
    const applied = applyTenantTheme(
      { light: { primary: 'red; background: url(https://evil.example)', radius: '0.25rem' } },
      'light',
      target,
    );
    expect(applied).toBeUndefined();
    expect(target.getAttribute('style')).toBeNull();
    expect(warn).toHaveBeenCalledWith(
      'The tenant theme was not applied:',
      expect.stringContaining('semantic.light.primary'),
    );
    warn.mockRestore();
  });
});
