import { describe, expect, it } from 'vitest';
import { applyThemeOverrides, resolveThemeOverrides, ThemeOverrideError } from './apply-theme-overrides.js';

function refused(run: () => unknown): ThemeOverrideError {
  try {
    run();
  } catch (error) {
    if (error instanceof ThemeOverrideError) return error;
    throw error;
  }
  throw new Error('expected a ThemeOverrideError');
}

describe('applyThemeOverrides', () => {
  it('applies core < plugin < tenant whatever the order given, later layers of one source winning', () => {
    const target = document.createElement('div');
    applyThemeOverrides(
      [
        { source: 'tenant', tokens: { 'color.brand.600': 'oklch(0.55 0.2 150)' } },
        { source: 'core', tokens: { 'color.brand.600': 'oklch(0.5 0.2 270)', 'radius.base': '0.25rem' } },
        {
          source: 'plugin',
          name: 'crm',
          tokens: { 'radius.base': '0.375rem', 'motion.duration.fast': '80ms' },
        },
        { source: 'plugin', name: 'erp', tokens: { 'motion.duration.fast': '100ms' } },
      ],
      target,
    );
    expect(target.style.getPropertyValue('--color-brand-600')).toBe('oklch(0.55 0.2 150)');
    expect(target.style.getPropertyValue('--radius')).toBe('0.375rem');
    expect(target.style.getPropertyValue('--duration-fast')).toBe('100ms');
  });

  it('sets mode-specific semantic roles through their own variables, on <html> by default', () => {
    const applied = applyThemeOverrides([
      {
        source: 'tenant',
        tokens: { 'semantic.dark.primary': 'var(--color-brand-300)', 'semantic.light.primary': '#0a7' },
      },
    ]);
    expect(document.documentElement.style.getPropertyValue('--dark-primary')).toBe('var(--color-brand-300)');
    expect(document.documentElement.style.getPropertyValue('--light-primary')).toBe('#0a7');
    applied.reset();
    expect(document.documentElement.style.getPropertyValue('--dark-primary')).toBe('');
  });

  it('replaces what an earlier call set on the same element', () => {
    const target = document.createElement('div');
    applyThemeOverrides([{ source: 'tenant', tokens: { 'radius.base': '1rem' } }], target);
    applyThemeOverrides(
      [{ source: 'tenant', tokens: { 'shadow.md': '0 1px 2px oklch(0 0 0 / 0.2)' } }],
      target,
    );
    expect(target.style.getPropertyValue('--radius')).toBe('');
    expect(target.style.getPropertyValue('--shadow-md')).toBe('0 1px 2px oklch(0 0 0 / 0.2)');
  });

  it('rejects unknown token names with a clear error and applies nothing', () => {
    const target = document.createElement('div');
    const error = refused(() =>
      applyThemeOverrides(
        [
          {
            source: 'tenant',
            tokens: { 'radius.base': '1rem', 'color.brand.601': 'red', primary: '#fff' } as Record<
              string,
              string
            >,
          },
        ],
        target,
      ),
    );
    expect(error.issues).toEqual([
      {
        path: '/0/tokens/color.brand.601',
        code: 'THEME_UNKNOWN_TOKEN',
        message: '"color.brand.601" is not a design token',
      },
      { path: '/0/tokens/primary', code: 'THEME_UNKNOWN_TOKEN', message: '"primary" is not a design token' },
    ]);
    expect(error.message).toMatch(/Theme overrides refused \(2 problems\)/);
    expect(target.style.getPropertyValue('--radius')).toBe('');
  });

  it.each([
    ['color.brand.600', 'red; background: url(https://evil.example/x.png)'],
    ['color.brand.600', 'oklch(0.5 0.2 270)} body { display: none'],
    ['color.brand.600', 'expression(alert(1))'],
    ['color.brand.600', 'url(javascript:alert(1))'],
    ['color.brand.600', 'var(--not-a-token)'],
    ['color.brand.600', '12px'],
    ['color.brand.600', 'oklch(0.5 0.2 evil)'],
    ['radius.base', 'calc(1rem + attr(data-x))'],
    ['radius.base', 'red'],
    ['radius.base', '1rem !important'],
    ['font.family.sans', 'Inter; } @import "https://fonts.example/x.css"'],
    ['font.family.sans', "Inter, url('x')"],
    ['shadow.md', '0 1px 2px red, 0 0 url(x)'],
    ['motion.duration.fast', 'fast'],
    ['motion.easing.standard', 'cubic-bezier(0, 0, 1)'],
    ['font.weight.bold', '<script>'],
  ])('refuses %s = %s', (token, value) => {
    const error = refused(() => resolveThemeOverrides([{ source: 'tenant', tokens: { [token]: value } }]));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ path: `/0/tokens/${token}`, code: 'THEME_INVALID_VALUE' });
  });

  it.each([
    ['color.brand.600', 'oklch(0.55 0.2 150 / 90%)'],
    ['color.brand.600', 'rgb(10, 20, 30)'],
    ['color.brand.600', 'hsl(220deg 50% 40%)'],
    ['color.brand.600', '#1e40afcc'],
    ['semantic.light.border', 'var(--color-neutral-300)'],
    ['radius.base', '0'],
    ['radius.sm', 'calc(var(--radius) - 2px)'],
    ['font.family.sans', '"Segoe UI", system-ui, -apple-system, sans-serif'],
    ['font.weight.bold', '650'],
    ['font.leading.normal', '1.4'],
    ['shadow.md', '0 4px 6px -1px oklch(0 0 0 / 0.1), inset 0 1px 0 #fff'],
    ['motion.duration.normal', '0.25s'],
    ['motion.easing.standard', 'cubic-bezier(0.2, 0, 0, 1)'],
    ['spacing.sidebar', '18rem'],
  ])('accepts %s = %s', (token, value) => {
    expect(Object.values(resolveThemeOverrides([{ source: 'core', tokens: { [token]: value } }]))).toEqual([
      value,
    ]);
  });

  it('rejects malformed layers', () => {
    const error = refused(() =>
      resolveThemeOverrides(JSON.parse('[{"source":"admin","tokens":{}},{"source":"tenant","tokens":[]}]')),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual(['/0/source', '/1/tokens']);
  });
});
