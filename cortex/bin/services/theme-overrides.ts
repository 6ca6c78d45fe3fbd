import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ValidationIssue } from '@codexion/schema';
import type { TenantSettingsTheme } from '../../core/generated/client/types.gen.js';

const modes = ['light', 'dark'] as const;

interface TokensJson {
  semantic: Record<(typeof modes)[number], Record<string, string>>;
  [group: string]: unknown;
}

/**
 * `@codexion/resources`' tokens.json, read as data rather than imported from
 * `@codexion/resources/tokens`, a browser module whose JSON import Node's module rules refuse.
 */
function readTokens(): TokensJson {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@codexion/resources/package.json'));
  return JSON.parse(readFileSync(join(root, 'src', 'tokens', 'tokens.json'), 'utf8')) as TokensJson;
}

/** Every leaf of the tokens, as its dotted path: `color.brand.600`, `radius.base`, `semantic.dark.primary`. */
function leafPaths(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([name, child]) =>
    leafPaths(child, prefix ? `${prefix}.${name}` : name),
  );
}

function namesOf(tokens: TokensJson, mode: (typeof modes)[number]): Set<string> {
  const other = modes.find((m) => m !== mode);
  const paths = leafPaths(tokens).filter((path) => !path.startsWith(`semantic.${other}.`));
  const bases = paths.filter((path) => path.endsWith('.base')).map((path) => path.slice(0, -'.base'.length));
  return new Set([...Object.keys(tokens.semantic[mode]), ...bases, ...paths]);
}

const tokensJson = readTokens();

/**
 * The names a tenant's theme may override, per color mode, as the design system resolves them: a
 * semantic role of that mode (`primary`, `sidebar-accent`), a token group's base (`radius` for
 * `radius.base`), or any token path of tokens.json (`color.brand.600`; the other mode's semantic
 * roles excepted).
 */
export const themeTokenNames: Readonly<Record<(typeof modes)[number], ReadonlySet<string>>> = {
  light: namesOf(tokensJson, 'light'),
  dark: namesOf(tokensJson, 'dark'),
};

/** CSS functions a token's value may use; anything else (`url(`, `image-set(`, `src(`…) could fetch or run something. */
const allowedFunctions = new Set([
  'rgb',
  'rgba',
  'hsl',
  'hsla',
  'hwb',
  'lab',
  'lch',
  'oklab',
  'oklch',
  'color',
  'color-mix',
  'var',
  'calc',
  'min',
  'max',
  'clamp',
  'cubic-bezier',
  'steps',
]);

/** What no value may hold, whatever the schema's character set lets through (as the design system's own check). */
const forbidden = /[;{}<>"'`\\@!\p{Cc}]|\/\*|url\s*\(|image\(|image-set\(|expression|attr\(|env\(/iu;
const functionCall = /([a-z-]+)\s*\(/gi;
const maxLength = 120;

function valueIssue(value: string): string | undefined {
  if (value.length > maxLength) return `must be at most ${maxLength} characters`;
  if (forbidden.test(value)) return 'must be a plain CSS color or length: no url(, quotes, ;, braces or <';
  for (const [, name] of value.matchAll(functionCall)) {
    if (!allowedFunctions.has((name ?? '').toLowerCase())) return `may not call the CSS function ${name}()`;
  }
  const opened = value.split('(').length - 1;
  if (opened !== value.split(')').length - 1) return 'has unbalanced parentheses';
  return undefined;
}

/**
 * Checks a theme's overrides: each key a token of `tokens.json` for its mode, each value a plain
 * CSS value. Returns one issue per offending key, with its JSON Pointer (`/body/theme/light/primray`).
 *
 * @example
 * themeIssues({ light: { primray: 'red' } }) // [{ path: '/body/theme/light/primray', code: 'unknown-token', … }]
 */
export function themeIssues(theme: TenantSettingsTheme, base = '/body/theme'): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const mode of modes) {
    for (const [name, value] of Object.entries(theme[mode] ?? {})) {
      const path = `${base}/${mode}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (!themeTokenNames[mode].has(name)) {
        issues.push({ path, code: 'unknown-token', message: `is not a design token of the ${mode} theme` });
        continue;
      }
      const problem = valueIssue(String(value));
      if (problem !== undefined) issues.push({ path, code: 'unsafe-value', message: problem });
    }
  }
  return issues;
}
