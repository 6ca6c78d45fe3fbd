import {
  type AppliedThemeOverrides,
  applyThemeOverrides,
  type ResolvedTheme,
  ThemeOverrideError,
  type ThemeOverrideLayer,
} from '@codexion/resources';
import { type TokenPath, tokens } from '@codexion/resources/tokens';
import { tokenPathOf } from '../admin/theme-tokens.js';
import type { TenantSettings } from './session-context.js';

const semanticRoles = new Set(Object.keys(tokens.semantic.light));

/**
 * The tenant layer of theme overrides for what is shown in `mode`: the color roles of both modes
 * (each mode has its own CSS variables), the other tokens (radius, fonts) of the mode shown.
 *
 * @example
 * tenantThemeLayer({ light: { primary: 'oklch(0.55 0.2 150)', radius: '0.25rem' } }, 'light').tokens
 * // { 'semantic.light.primary': 'oklch(0.55 0.2 150)', 'radius.base': '0.25rem' }
 */
export function tenantThemeLayer(theme: TenantSettings['theme'], mode: ResolvedTheme): ThemeOverrideLayer {
  const entries: [string, string][] = [];
  for (const source of ['light', 'dark'] as const) {
    for (const [key, value] of Object.entries(theme[source] ?? {})) {
      // the color roles of both modes; the rest (radius, fonts) of the mode shown; unknown keys never
      const path = semanticRoles.has(key) || source === mode ? tokenPathOf(source, key) : undefined;
      if (path !== undefined) entries.push([path, value]);
    }
  }
  return { source: 'tenant', tokens: Object.fromEntries(entries) as Partial<Record<TokenPath, string>> };
}

/**
 * Puts a tenant's theme overrides on the page (or `target`), replacing the previous tenant's; a
 * theme the design system refuses is left out whole, with a warning, and the default theme stays.
 *
 * @example
 * const applied = applyTenantTheme(session.settings.theme, resolvedTheme);
 * // later: applied?.reset()
 */
export function applyTenantTheme(
  theme: TenantSettings['theme'],
  mode: ResolvedTheme,
  target: HTMLElement = document.documentElement,
): AppliedThemeOverrides | undefined {
  try {
    return applyThemeOverrides([tenantThemeLayer(theme, mode)], target);
  } catch (error) {
    if (!(error instanceof ThemeOverrideError)) throw error;
    console.warn('The tenant theme was not applied:', error.message);
    return undefined;
  }
}
