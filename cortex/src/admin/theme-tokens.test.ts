import { describe, expect, it } from 'vitest';
import { cleanTheme, defaultRoleColor, themeLayer, toHexColor, tokenPathOf } from './theme-tokens.js';

describe('theme tokens', () => {
  it('maps the settings keys to design tokens per mode', () => {
    expect(tokenPathOf('light', 'primary')).toBe('semantic.light.primary');
    expect(tokenPathOf('dark', 'sidebar-accent')).toBe('semantic.dark.sidebar-accent');
    expect(tokenPathOf('dark', 'radius')).toBe('radius.base');
    expect(tokenPathOf('light', 'color.brand.600')).toBe('color.brand.600');
    expect(tokenPathOf('light', 'primray')).toBeUndefined();
  });

  it('resolves a role to its default colour', () => {
    expect(defaultRoleColor('light', 'background')).toBe('oklch(1 0 0)');
    expect(defaultRoleColor('light', 'primary')).toMatch(/^oklch\(/);
  });

  it('keeps valid overrides for the preview and names the refused ones', () => {
    const { tokens, invalid } = themeLayer('light', {
      primary: '#0a7',
      radius: '0.75rem',
      ring: 'red; background: url(x)',
      primray: 'red',
    });
    expect(tokens).toEqual({ 'semantic.light.primary': '#0a7', 'radius.base': '0.75rem' });
    expect(Object.keys(invalid).sort()).toEqual(['primray', 'ring']);
    expect(invalid.ring).toContain('contains characters or functions');
  });

  it('turns hex and oklch into a colour input value', () => {
    expect(toHexColor('#0A7')).toBe('#00aa77');
    expect(toHexColor('#112233cc')).toBe('#112233');
    expect(toHexColor('oklch(1 0 0)')).toBe('#ffffff');
    expect(toHexColor('oklch(0 0 0 / 0.5)')).toBe('#000000');
    // the brand's 600 step, a violet
    expect(toHexColor('oklch(0.511 0.262 276.966)')).toBe('#4f39f6');
    expect(toHexColor('hsl(0 100% 50%)')).toBeUndefined();
  });

  it('saves a theme without empty values or empty modes', () => {
    expect(cleanTheme({ light: { primary: ' #0a7 ', ring: '' }, dark: {} })).toEqual({
      light: { primary: '#0a7' },
    });
  });
});
