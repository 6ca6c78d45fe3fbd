import tokensJson from './tokens.json';

/** One step of a color scale: the keys every scale carries, lightest to darkest. */
export type ColorStep = '50' | '100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | '950';

/** The color scales. Components never use them directly: they use the semantic roles. */
export type ColorScaleName = 'neutral' | 'brand' | 'danger' | 'success' | 'warning' | 'info';

/** The semantic color roles, defined once for light and once for dark. */
export type SemanticRole =
  | 'background'
  | 'foreground'
  | 'muted'
  | 'muted-foreground'
  | 'card'
  | 'card-foreground'
  | 'popover'
  | 'popover-foreground'
  | 'primary'
  | 'primary-foreground'
  | 'secondary'
  | 'secondary-foreground'
  | 'accent'
  | 'accent-foreground'
  | 'danger'
  | 'danger-foreground'
  | 'success'
  | 'success-foreground'
  | 'warning'
  | 'warning-foreground'
  | 'info'
  | 'info-foreground'
  | 'border'
  | 'input'
  | 'ring'
  | 'overlay'
  | 'sidebar'
  | 'sidebar-foreground'
  | 'sidebar-muted-foreground'
  | 'sidebar-primary'
  | 'sidebar-primary-foreground'
  | 'sidebar-accent'
  | 'sidebar-accent-foreground'
  | 'sidebar-border'
  | 'sidebar-ring';

/** The color modes the semantic roles are defined for. */
export type ColorMode = 'light' | 'dark';

/**
 * The shape of `tokens.json`. A semantic value is either a CSS color or a reference to a scale
 * step written `{color.<scale>.<step>}`.
 */
export interface DesignTokens {
  color: Record<ColorScaleName, Record<ColorStep, string>>;
  semantic: Record<ColorMode, Record<SemanticRole, string>>;
  font: {
    family: { sans: string; mono: string };
    size: Record<string, string>;
    weight: Record<string, string>;
    leading: Record<string, string>;
  };
  spacing: { unit: string } & Record<string, string>;
  radius: { base: string } & Record<string, string>;
  shadow: Record<string, string>;
  motion: { duration: Record<string, string>; easing: Record<string, string> };
}

/**
 * Codexion's design tokens, as data (the source of `theme.css`).
 *
 * @example
 * import { tokens } from '@codexion/resources/tokens';
 * tokens.color.brand['600']; // 'oklch(0.511 0.262 276.966)'
 */
export const tokens: DesignTokens = tokensJson;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/**
 * The dotted path of every token in `tokens.json`: `color.brand.600`, `semantic.dark.primary`,
 * `radius.base`, `font.family.sans`… These are the names theme overrides use.
 */
export type TokenPath = Leaves<typeof tokensJson>;

/** What syntax a token's value has; overrides are checked against it. */
export type TokenKind = 'color' | 'length' | 'number' | 'font-family' | 'shadow' | 'duration' | 'easing';

/** One token, flattened: its path in `tokens.json`, its CSS variable, its kind and its CSS value. */
export interface TokenDefinition {
  path: string;
  cssVar: `--${string}`;
  kind: TokenKind;
  /** the value as CSS, references (`{color.neutral.50}`) already turned into `var(...)` */
  value: string;
}

const referencePattern = /^\{([a-z0-9.-]+)\}$/;

/**
 * Every token as a flat list, in `tokens.json` order, with the CSS variable it becomes.
 *
 * @example
 * flattenTokens(tokens).find((t) => t.path === 'semantic.light.primary');
 * // { path: 'semantic.light.primary', cssVar: '--light-primary', kind: 'color', value: 'var(--color-brand-600)' }
 */
export function flattenTokens(source: DesignTokens): TokenDefinition[] {
  const list: TokenDefinition[] = [];
  const add = (path: string, cssVar: `--${string}`, kind: TokenKind, value: string) => {
    list.push({ path, cssVar, kind, value });
  };
  for (const [scale, steps] of Object.entries(source.color)) {
    for (const [step, value] of Object.entries(steps)) {
      add(`color.${scale}.${step}`, `--color-${scale}-${step}`, 'color', value);
    }
  }
  for (const mode of ['light', 'dark'] as const) {
    for (const [role, value] of Object.entries(source.semantic[mode])) {
      add(`semantic.${mode}.${role}`, `--${mode}-${role}`, 'color', value);
    }
  }
  for (const [name, value] of Object.entries(source.font.family)) {
    add(`font.family.${name}`, `--font-${name}`, 'font-family', value);
  }
  for (const [name, value] of Object.entries(source.font.size)) {
    add(`font.size.${name}`, `--text-${name}`, 'length', value);
  }
  for (const [name, value] of Object.entries(source.font.weight)) {
    add(`font.weight.${name}`, `--font-weight-${name}`, 'number', value);
  }
  for (const [name, value] of Object.entries(source.font.leading)) {
    add(`font.leading.${name}`, `--leading-${name}`, 'number', value);
  }
  for (const [name, value] of Object.entries(source.spacing)) {
    add(`spacing.${name}`, name === 'unit' ? '--spacing' : `--spacing-${name}`, 'length', value);
  }
  for (const [name, value] of Object.entries(source.radius)) {
    add(`radius.${name}`, name === 'base' ? '--radius' : `--radius-${name}`, 'length', value);
  }
  for (const [name, value] of Object.entries(source.shadow)) {
    add(`shadow.${name}`, `--shadow-${name}`, 'shadow', value);
  }
  for (const [name, value] of Object.entries(source.motion.duration)) {
    add(`motion.duration.${name}`, `--duration-${name}`, 'duration', value);
  }
  for (const [name, value] of Object.entries(source.motion.easing)) {
    add(`motion.easing.${name}`, `--ease-${name}`, 'easing', value);
  }
  const byPath = new Map(list.map((token) => [token.path, token]));
  return list.map((token) => {
    const reference = referencePattern.exec(token.value)?.[1];
    if (reference === undefined) return token;
    const target = byPath.get(reference);
    if (target === undefined) {
      throw new Error(`Token ${token.path} refers to {${reference}}, which is not a token`);
    }
    return { ...token, value: `var(${target.cssVar})` };
  });
}

const banner = `/*
 * Codexion theme: GENERATED from src/tokens/tokens.json, do not edit by hand.
 * Regenerate: node --import tsx resources/scripts/generate-theme.ts
 *
 * Use it after Tailwind in your app's stylesheet:
 *   @import "tailwindcss";
 *   @import "@codexion/resources/theme.css";
 */`;

/*
 * Radix keeps a closing element mounted until its exit animation ends, so enter and exit
 * animations come in pairs. They only move a few pixels and are switched off for
 * prefers-reduced-motion below.
 */
const animations = `  --animate-in-fade: in-fade var(--duration-normal) var(--ease-out);
  --animate-out-fade: out-fade var(--duration-fast) var(--ease-in);
  --animate-in-zoom: in-zoom var(--duration-normal) var(--ease-out);
  --animate-out-zoom: out-zoom var(--duration-fast) var(--ease-in);
  --animate-in-from-right: in-from-right var(--duration-slow) var(--ease-standard);
  --animate-out-to-right: out-to-right var(--duration-normal) var(--ease-in);
  --animate-in-from-left: in-from-left var(--duration-slow) var(--ease-standard);
  --animate-out-to-left: out-to-left var(--duration-normal) var(--ease-in);
  --animate-in-from-top: in-from-top var(--duration-slow) var(--ease-standard);
  --animate-out-to-top: out-to-top var(--duration-normal) var(--ease-in);
  --animate-in-from-bottom: in-from-bottom var(--duration-slow) var(--ease-standard);
  --animate-out-to-bottom: out-to-bottom var(--duration-normal) var(--ease-in);

  @keyframes in-fade { from { opacity: 0; } }
  @keyframes out-fade { to { opacity: 0; } }
  @keyframes in-zoom { from { opacity: 0; transform: scale(0.96); } }
  @keyframes out-zoom { to { opacity: 0; transform: scale(0.96); } }
  @keyframes in-from-right { from { transform: translateX(100%); } }
  @keyframes out-to-right { to { transform: translateX(100%); } }
  @keyframes in-from-left { from { transform: translateX(-100%); } }
  @keyframes out-to-left { to { transform: translateX(-100%); } }
  @keyframes in-from-top { from { transform: translateY(-100%); } }
  @keyframes out-to-top { to { transform: translateY(-100%); } }
  @keyframes in-from-bottom { from { transform: translateY(100%); } }
  @keyframes out-to-bottom { to { transform: translateY(100%); } }`;

const base = `@layer base {
  *,
  ::after,
  ::before,
  ::backdrop,
  ::file-selector-button {
    border-color: var(--color-border);
  }
  body {
    background-color: var(--color-background);
    color: var(--color-foreground);
    font-family: var(--font-sans);
    -webkit-font-smoothing: antialiased;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    ::after,
    ::before {
      /* biome-ignore-start lint/complexity/noImportantStyles: reduced motion has to win over every utility */
      animation-duration: 1ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 1ms !important;
      /* biome-ignore-end lint/complexity/noImportantStyles: reduced motion has to win over every utility */
    }
  }
}`;

const declarations = (list: readonly TokenDefinition[]) =>
  list.map((token) => `  ${token.cssVar}: ${token.value};`).join('\n');

/**
 * The whole `theme.css` for a set of tokens: the `dark` variant, `@source` for this package's
 * components, the scales and scalar tokens under `@theme static`, light and dark semantic roles
 * as CSS variables, and the `@theme inline` mapping that makes `bg-background`, `text-primary`,
 * `border-border`… Tailwind classes.
 *
 * Semantic roles go through one indirection: `--light-primary` and `--dark-primary` hold the
 * values, `--primary` picks one by mode (`:root`/`.light` vs `.dark`/`[data-theme="dark"]`). That
 * lets a tenant override one mode with an inline CSS variable on `<html>`.
 *
 * @example
 * import { tokens, tokensToCss } from '@codexion/resources/tokens';
 * const css = tokensToCss(tokens); // what src/theme.css holds
 */
export function tokensToCss(source: DesignTokens): string {
  const all = flattenTokens(source);
  const themeTokens = all.filter((token) => !token.path.startsWith('semantic.'));
  const lightTokens = all.filter((token) => token.path.startsWith('semantic.light.'));
  const darkTokens = all.filter((token) => token.path.startsWith('semantic.dark.'));
  const roles = Object.keys(source.semantic.light);
  const pick = (mode: ColorMode) => roles.map((role) => `  --${role}: var(--${mode}-${role});`).join('\n');

  return `${banner}

@custom-variant dark (&:where(.dark, .dark *, [data-theme="dark"], [data-theme="dark"] *));

/* this package's own components, so that their classes end up in the consumer's CSS */
@source "./";

/* only Codexion's tokens: Tailwind's default palette is switched off so that no raw color sneaks in */
@theme static {
  --color-*: initial;
${declarations(themeTokens)}
}

@theme {
${animations}
}

:root {
${declarations(lightTokens)}
${declarations(darkTokens)}
}

:root,
.light,
[data-theme="light"] {
  color-scheme: light;
${pick('light')}
}

.dark,
[data-theme="dark"] {
  color-scheme: dark;
${pick('dark')}
}

@theme inline {
${roles.map((role) => `  --color-${role}: var(--${role});`).join('\n')}
}

${base}
`;
}
