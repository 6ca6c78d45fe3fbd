// @vitest-environment node
/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flattenTokens, tokens, tokensToCss } from './index.js';

// read from disk: Vitest hands CSS modules to tests as empty strings
const themeCss = readFileSync(new URL('../theme.css', import.meta.url), 'utf8');

describe('tokens → theme.css', () => {
  it('theme.css is what tokens.json generates (run scripts/generate-theme.ts after editing tokens)', () => {
    expect(themeCss).toBe(tokensToCss(tokens));
  });

  it('defines every scale step, every semantic role for both modes, and maps each role for Tailwind', () => {
    for (const token of flattenTokens(tokens)) {
      expect(themeCss).toContain(`${token.cssVar}: ${token.value};`);
    }
    for (const role of Object.keys(tokens.semantic.light)) {
      expect(themeCss).toContain(`--${role}: var(--light-${role});`);
      expect(themeCss).toContain(`--${role}: var(--dark-${role});`);
      expect(themeCss).toContain(`--color-${role}: var(--${role});`);
    }
  });

  it('has the same semantic roles in light and dark, each scale with 50–950', () => {
    expect(Object.keys(tokens.semantic.dark)).toEqual(Object.keys(tokens.semantic.light));
    for (const scale of Object.values(tokens.color)) {
      expect(Object.keys(scale)).toEqual([
        '50',
        '100',
        '200',
        '300',
        '400',
        '500',
        '600',
        '700',
        '800',
        '900',
        '950',
      ]);
    }
  });

  it('resolves {color.x.y} references to the scale variables and keeps oklch colors', () => {
    const primary = flattenTokens(tokens).find((token) => token.path === 'semantic.light.primary');
    expect(primary).toEqual({
      path: 'semantic.light.primary',
      cssVar: '--light-primary',
      kind: 'color',
      value: 'var(--color-brand-600)',
    });
    for (const value of Object.values(tokens.color.brand)) expect(value).toMatch(/^oklch\(/);
  });

  it('refuses a reference to a token that does not exist', () => {
    const broken = structuredClone(tokens);
    broken.semantic.light.primary = '{color.brand.1000}';
    expect(() => tokensToCss(broken)).toThrow(/semantic\.light\.primary refers to \{color\.brand\.1000\}/);
  });

  it('carries the dark variant, @source for this package and no web fonts', () => {
    expect(themeCss).toContain('@custom-variant dark');
    expect(themeCss).toContain('@source "./";');
    const rules = themeCss.replace(/\/\*[\s\S]*?\*\//g, '');
    expect(rules).not.toMatch(/@import|url\(|@font-face/);
  });
});
