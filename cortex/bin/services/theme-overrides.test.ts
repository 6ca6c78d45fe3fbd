import { describe, expect, it } from 'vitest';
import { themeIssues, themeTokenNames } from './theme-overrides.js';

describe('themeIssues', () => {
  it('knows the names the design system resolves: roles of the mode, group bases, token paths', () => {
    for (const name of ['primary', 'sidebar-accent', 'radius', 'color.brand.600', 'semantic.light.primary']) {
      expect(themeTokenNames.light.has(name), name).toBe(true);
    }
    expect(themeTokenNames.light.has('semantic.dark.primary')).toBe(false);
    expect(themeTokenNames.dark.has('semantic.dark.primary')).toBe(true);
    expect(themeTokenNames.light.has('primray')).toBe(false);
  });

  it('accepts plain colors, lengths and the CSS functions that compute them', () => {
    expect(
      themeIssues({
        light: {
          primary: 'oklch(0.55 0.2 150)',
          ring: '#0f766e',
          radius: 'calc(0.5rem + 2px)',
          accent: 'color-mix(in oklch, var(--color-brand-400) 80%, white)',
        },
        dark: { 'motion.easing.standard': 'cubic-bezier(0.2, 0, 0, 1)' },
      }),
    ).toEqual([]);
  });

  it.each([
    ['url(x)', 'url('],
    ['Url (x)', 'url( with a space'],
    ['image-set(x 1x)', 'image-set('],
    ['rgb(1 2 3', 'unbalanced'],
    ['src(x)', 'another function'],
    ['expression(alert(1))', 'expression'],
    ['red /* x */', 'a comment'],
    ['a'.repeat(121), 'too long'],
  ])('refuses %j (%s) with the path of the key', (value, _) => {
    const issues = themeIssues({ dark: { primary: value } });
    expect(issues).toEqual([
      expect.objectContaining({ path: '/body/theme/dark/primary', code: 'unsafe-value' }),
    ]);
  });

  it('names an unknown token, escaping it as a JSON Pointer', () => {
    expect(themeIssues({ light: { 'a/b': 'red' } }, '/theme')).toEqual([
      {
        path: '/theme/light/a~1b',
        code: 'unknown-token',
        message: 'is not a design token of the light theme',
      },
    ]);
  });
});
