import { resolveThemeOverrides, ThemeOverrideError } from '@codexion/resources';
import { type ColorMode, type SemanticRole, type TokenPath, tokens } from '@codexion/resources/tokens';
import type { TenantSettings } from '../shell/session-context.js';

export type ThemeMode = ColorMode;

/** A mode's overrides as the tenant's settings keep them: token name → CSS value. */
export type ModeOverrides = Record<string, string>;

/** The semantic colour roles of tokens.json, in the groups the theme editor shows them in. */
export const themeRoleGroups: { id: 'surfaces' | 'actions' | 'status' | 'sidebar'; roles: SemanticRole[] }[] =
  [
    {
      id: 'surfaces',
      roles: [
        'background',
        'foreground',
        'card',
        'card-foreground',
        'popover',
        'popover-foreground',
        'muted',
        'muted-foreground',
        'border',
        'input',
        'ring',
        'overlay',
      ],
    },
    {
      id: 'actions',
      roles: [
        'primary',
        'primary-foreground',
        'secondary',
        'secondary-foreground',
        'accent',
        'accent-foreground',
      ],
    },
    {
      id: 'status',
      roles: [
        'danger',
        'danger-foreground',
        'success',
        'success-foreground',
        'warning',
        'warning-foreground',
        'info',
        'info-foreground',
      ],
    },
    {
      id: 'sidebar',
      roles: [
        'sidebar',
        'sidebar-foreground',
        'sidebar-muted-foreground',
        'sidebar-primary',
        'sidebar-primary-foreground',
        'sidebar-accent',
        'sidebar-accent-foreground',
        'sidebar-border',
        'sidebar-ring',
      ],
    },
  ];

const referencePattern = /^\{color\.([a-z]+)\.(\d+)\}$/;

/**
 * The colour a role has in `mode` when nothing overrides it, as CSS (scale references resolved).
 *
 * @example
 * defaultRoleColor('light', 'primary') // 'oklch(0.511 0.262 276.966)'
 */
export function defaultRoleColor(mode: ThemeMode, role: SemanticRole): string {
  const value = tokens.semantic[mode][role];
  const match = referencePattern.exec(value);
  if (!match) return value;
  const [, scale = '', step = ''] = match;
  const scales = tokens.color as Record<string, Record<string, string>>;
  return scales[scale]?.[step] ?? value;
}

/**
 * The token path a settings key stands for in `mode`: a semantic role (`primary` →
 * `semantic.light.primary`), a token group's base (`radius` → `radius.base`), or a token path
 * as is (`color.brand.600`). Undefined for what is no token.
 *
 * @example
 * tokenPathOf('dark', 'primary') // 'semantic.dark.primary'
 */
export function tokenPathOf(mode: ThemeMode, key: string): string | undefined {
  if (key in tokens.semantic[mode]) return `semantic.${mode}.${key}`;
  const paths = knownPaths();
  if (paths.has(`${key}.base`)) return `${key}.base`;
  return paths.has(key) ? key : undefined;
}

let known: Set<string> | undefined;
function knownPaths(): Set<string> {
  if (known === undefined) {
    known = new Set();
    const walk = (node: unknown, prefix: string) => {
      if (typeof node === 'string') known?.add(prefix);
      else if (typeof node === 'object' && node !== null)
        for (const [name, child] of Object.entries(node)) walk(child, prefix ? `${prefix}.${name}` : name);
    };
    walk(tokens, '');
  }
  return known;
}

/**
 * A mode's overrides as a theme layer for `applyThemeOverrides`, and the ones the design system
 * refuses (an unknown name, an unsafe or malformed value) with the reason, by settings key.
 *
 * @example
 * themeLayer('light', { primary: '#0a7', ring: 'red; x' })
 * // { tokens: { 'semantic.light.primary': '#0a7' }, invalid: { ring: 'contains characters … (color)' } }
 */
export function themeLayer(
  mode: ThemeMode,
  overrides: ModeOverrides,
): { tokens: Partial<Record<TokenPath, string>>; invalid: Record<string, string> } {
  const valid: Record<string, string> = {};
  const invalid: Record<string, string> = {};
  for (const [key, value] of Object.entries(overrides)) {
    const path = tokenPathOf(mode, key);
    if (path === undefined) {
      invalid[key] = `"${key}" is not a design token`;
      continue;
    }
    try {
      resolveThemeOverrides([
        { source: 'tenant', tokens: { [path]: value } as Partial<Record<TokenPath, string>> },
      ]);
      valid[path] = value;
    } catch (error) {
      if (!(error instanceof ThemeOverrideError)) throw error;
      invalid[key] = error.issues[0]?.message ?? error.message;
    }
  }
  return { tokens: valid as Partial<Record<TokenPath, string>>, invalid };
}

/**
 * The theme to save: values trimmed, empty ones left out, a mode without overrides left out.
 *
 * @example
 * cleanTheme({ light: { primary: ' #0a7 ', ring: '' }, dark: {} }) // { light: { primary: '#0a7' } }
 */
export function cleanTheme(theme: TenantSettings['theme']): TenantSettings['theme'] {
  const result: TenantSettings['theme'] = {};
  for (const mode of ['light', 'dark'] as const) {
    const entries = Object.entries(theme[mode] ?? {})
      .map(([key, value]) => [key, value.trim()] as const)
      .filter(([, value]) => value !== '');
    if (entries.length > 0) result[mode] = Object.fromEntries(entries);
  }
  return result;
}

const hexPattern = /^#([0-9a-f]{3}|[0-9a-f]{6})(?:[0-9a-f]{1,2})?$/i;
const oklchPattern = /^oklch\(\s*([\d.]+)(%?)\s+([\d.]+)\s+([\d.]+)(?:deg)?\s*(?:\/\s*[\d.]+%?\s*)?\)$/i;

const channel = (linear: number) => {
  const value = linear <= 0.0031308 ? 12.92 * linear : 1.055 * linear ** (1 / 2.4) - 0.055;
  return Math.round(Math.min(1, Math.max(0, value)) * 255)
    .toString(16)
    .padStart(2, '0');
};

/**
 * A CSS colour as `#rrggbb` for a native colour input: hex as is (without alpha), `oklch()`
 * converted through OKLab to sRGB (clipped to the gamut). Undefined for other notations.
 *
 * @example
 * toHexColor('oklch(1 0 0)') // '#ffffff'
 */
export function toHexColor(value: string): string | undefined {
  const trimmed = value.trim();
  const hex = hexPattern.exec(trimmed)?.[1];
  if (hex !== undefined) {
    const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
    return `#${full.toLowerCase()}`;
  }
  const match = oklchPattern.exec(trimmed);
  if (!match) return undefined;
  const lightness = Number(match[1]) / (match[2] === '%' ? 100 : 1);
  const chroma = Number(match[3]);
  const hue = (Number(match[4]) * Math.PI) / 180;
  const a = chroma * Math.cos(hue);
  const b = chroma * Math.sin(hue);
  const l = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (lightness - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const red = 4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s;
  const green = -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s;
  const blue = -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s;
  return `#${channel(red)}${channel(green)}${channel(blue)}`;
}
