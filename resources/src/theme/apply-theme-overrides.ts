import { flattenTokens, type TokenDefinition, type TokenPath, tokens } from '../tokens/index.js';
import { checkThemeValue } from './theme-value.js';

/** Who a layer of overrides comes from; later sources win: core < plugin < tenant. */
export type ThemeLayerSource = 'core' | 'plugin' | 'tenant';

/**
 * One layer of token overrides, keyed by token path (`color.brand.600`, `semantic.dark.primary`,
 * `radius.base`…, see `TokenPath`).
 */
export interface ThemeOverrideLayer {
  source: ThemeLayerSource;
  /** who wrote it (a plugin's id, a tenant's slug), for error messages */
  name?: string;
  tokens: Partial<Record<TokenPath, string>>;
}

/** One problem in a set of overrides, in the error shape used across Codexion. */
export interface ThemeOverrideIssue {
  /** JSON Pointer into the layers: `/1/tokens/color.brand.600` */
  path: string;
  code: 'THEME_INVALID_LAYER' | 'THEME_UNKNOWN_TOKEN' | 'THEME_INVALID_VALUE';
  message: string;
}

/** Thrown when overrides are refused; nothing is applied then. `issues` lists every problem. */
export class ThemeOverrideError extends Error {
  readonly code = 'THEME_OVERRIDES_INVALID';
  readonly issues: readonly ThemeOverrideIssue[];

  constructor(issues: readonly ThemeOverrideIssue[]) {
    super(
      `Theme overrides refused (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${issues
        .map((issue) => `${issue.path} ${issue.message}`)
        .join('; ')}`,
    );
    this.name = 'ThemeOverrideError';
    this.issues = issues;
  }
}

const rank: Record<ThemeLayerSource, number> = { core: 0, plugin: 1, tenant: 2 };

let catalog: { byPath: Map<string, TokenDefinition>; known: Set<string> } | undefined;

function tokenCatalog() {
  if (catalog === undefined) {
    const all = flattenTokens(tokens);
    const roles = Object.keys(tokens.semantic.light).map((role) => `--${role}`);
    catalog = {
      byPath: new Map(all.map((token) => [token.path, token])),
      known: new Set([...all.map((token) => token.cssVar), ...roles]),
    };
  }
  return catalog;
}

const pointerSegment = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks layers of overrides and merges them into CSS variables: core first, then plugins, then
 * the tenant, a later layer of the same source winning over an earlier one. Pure: use it on the
 * server to render the variables into the page, or through `applyThemeOverrides` in the browser.
 *
 * @throws ThemeOverrideError listing every unknown token and every refused value
 * @example
 * resolveThemeOverrides([
 *   { source: 'tenant', tokens: { 'color.brand.600': 'oklch(0.55 0.2 150)' } },
 *   { source: 'core', tokens: { 'color.brand.600': 'oklch(0.5 0.2 270)', 'radius.base': '0.25rem' } },
 * ]);
 * // { '--color-brand-600': 'oklch(0.55 0.2 150)', '--radius': '0.25rem' }
 */
export function resolveThemeOverrides(layers: readonly ThemeOverrideLayer[]): Record<`--${string}`, string> {
  const { byPath, known } = tokenCatalog();
  const issues: ThemeOverrideIssue[] = [];
  const valid: { index: number; source: ThemeLayerSource; entries: [`--${string}`, string][] }[] = [];
  const input: unknown = layers;
  if (!Array.isArray(input)) {
    throw new ThemeOverrideError([
      { path: '', code: 'THEME_INVALID_LAYER', message: 'must be an array of layers' },
    ]);
  }
  input.forEach((layer: unknown, index) => {
    if (!isRecord(layer) || !(typeof layer.source === 'string' && layer.source in rank)) {
      issues.push({
        path: `/${index}/source`,
        code: 'THEME_INVALID_LAYER',
        message: 'must be one of "core", "plugin", "tenant"',
      });
      return;
    }
    if (!isRecord(layer.tokens)) {
      issues.push({ path: `/${index}/tokens`, code: 'THEME_INVALID_LAYER', message: 'must be an object' });
      return;
    }
    const entries: [`--${string}`, string][] = [];
    for (const [name, value] of Object.entries(layer.tokens)) {
      const path = `/${index}/tokens/${pointerSegment(name)}`;
      const token = byPath.get(name);
      if (token === undefined) {
        issues.push({ path, code: 'THEME_UNKNOWN_TOKEN', message: `"${name}" is not a design token` });
        continue;
      }
      const problem = checkThemeValue(token.kind, value, known);
      if (problem !== undefined || typeof value !== 'string') {
        issues.push({
          path,
          code: 'THEME_INVALID_VALUE',
          message: `${problem ?? 'is invalid'} (${token.kind})`,
        });
        continue;
      }
      entries.push([token.cssVar, value.trim()]);
    }
    valid.push({ index, source: layer.source as ThemeLayerSource, entries });
  });
  if (issues.length > 0) throw new ThemeOverrideError(issues);

  const variables: Record<`--${string}`, string> = {};
  const ordered = [...valid].sort((a, b) => rank[a.source] - rank[b.source] || a.index - b.index);
  for (const layer of ordered) {
    for (const [cssVar, value] of layer.entries) variables[cssVar] = value;
  }
  return variables;
}

const appliedByTarget = new WeakMap<HTMLElement, Set<string>>();

/** What `applyThemeOverrides` did, and how to undo it. */
export interface AppliedThemeOverrides {
  variables: Record<`--${string}`, string>;
  /** removes the variables this call set */
  reset: () => void;
}

/**
 * Applies layers of token overrides to `target` as inline CSS variables. Validates everything
 * first (nothing is applied when one value is refused) and replaces what an earlier call set on
 * the same element.
 *
 * @throws ThemeOverrideError listing every unknown token and every refused value
 * @example
 * applyThemeOverrides([
 *   { source: 'plugin', name: 'crm', tokens: { 'radius.base': '0.375rem' } },
 *   { source: 'tenant', tokens: { 'color.brand.600': 'oklch(0.55 0.2 150)', 'semantic.dark.primary': 'oklch(0.75 0.15 150)' } },
 * ]);
 */
export function applyThemeOverrides(
  layers: readonly ThemeOverrideLayer[],
  target: HTMLElement = document.documentElement,
): AppliedThemeOverrides {
  const variables = resolveThemeOverrides(layers);
  for (const name of appliedByTarget.get(target) ?? []) target.style.removeProperty(name);
  const names = new Set(Object.keys(variables));
  for (const [name, value] of Object.entries(variables)) target.style.setProperty(name, value);
  appliedByTarget.set(target, names);
  return {
    variables,
    reset: () => {
      for (const name of names) target.style.removeProperty(name);
      if (appliedByTarget.get(target) === names) appliedByTarget.delete(target);
    },
  };
}
