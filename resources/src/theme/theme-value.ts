import type { TokenKind } from '../tokens/index.js';

/*
 * Theme overrides come from tenants, so a value is data, never CSS: it must be one value of the
 * token's kind, written in a small grammar (numbers, units, a few color functions, var() of a
 * known token). Anything that could end the declaration, open a block, load a URL or run code is
 * refused before the grammar is even tried.
 */

const maxLength = 300;
const forbidden = /[;{}<>\\@!`"'\p{Cc}]|\/\*|url\(|image\(|image-set\(|expression|attr\(|env\(/iu;
/* font family names may be quoted, so quotes are allowed there only */
const forbiddenInFontFamily = /[;{}<>\\@!`\p{Cc}]|\/\*|url\(|expression/iu;

const number = String.raw`[+-]?(?:\d+(?:\.\d+)?|\.\d+)`;
const lengthUnits = 'px|rem|em|%|vh|vw|vmin|vmax|svh|dvh|lvh|ch|ex|lh|pt';
const numberRe = new RegExp(`^${number}$`);
const lengthRe = new RegExp(`^(?:0|${number}(?:${lengthUnits}))$`);
const durationRe = new RegExp(`^${number}(?:ms|s)$`);
const hexRe = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const colorFunctionRe = /^(oklch|oklab|lch|lab|rgb|rgba|hsl|hsla|hwb)\((.*)\)$/i;
const colorArgRe = new RegExp(`^(?:${number}(?:%|deg|rad|turn|grad)?|none|,|/)$`);
const colorKeywords = new Set(['transparent', 'currentcolor', 'black', 'white']);
const easingKeywords = new Set([
  'linear',
  'ease',
  'ease-in',
  'ease-out',
  'ease-in-out',
  'step-start',
  'step-end',
]);
const varRe = /^var\(\s*(--[a-z0-9-]+)\s*\)$/i;
const familyRe = /^(?:"[\w .-]+"|'[\w .-]+'|[a-z_-][\w-]*(?: [a-z_-][\w-]*)*)$/i;

/** The CSS variables a value may refer to with `var()`. */
export type KnownVariables = ReadonlySet<string>;

/**
 * Whether `value` is a safe, well-formed CSS value for a token of `kind`; a reason when it is not.
 *
 * @example
 * checkThemeValue('color', 'oklch(0.6 0.2 260)', known); // undefined (fine)
 * checkThemeValue('color', 'red; background: url(x)', known); // 'contains characters or functions …'
 */
export function checkThemeValue(kind: TokenKind, value: unknown, known: KnownVariables): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  const trimmed = value.trim();
  if (trimmed === '') return 'must not be empty';
  if (trimmed.length > maxLength) return `must be at most ${maxLength} characters`;
  const unsafe = kind === 'font-family' ? forbiddenInFontFamily : forbidden;
  if (unsafe.test(trimmed)) return 'contains characters or functions a theme value may not use';
  const ok = validators[kind](trimmed, known);
  return ok ? undefined : `is not a valid ${kind} value`;
}

const validators: Record<TokenKind, (value: string, known: KnownVariables) => boolean> = {
  color: isColor,
  length: (value, known) => isVar(value, known) || lengthRe.test(value) || isCalc(value, known),
  number: (value, known) => isVar(value, known) || numberRe.test(value) || isCalc(value, known),
  duration: (value, known) => isVar(value, known) || durationRe.test(value),
  easing: (value, known) =>
    isVar(value, known) || easingKeywords.has(value) || isCubicBezier(value) || isSteps(value),
  'font-family': (value, known) =>
    isVar(value, known) || splitTopLevel(value, ',').every((family) => familyRe.test(family.trim())),
  shadow: (value, known) =>
    value === 'none' ||
    isVar(value, known) ||
    splitTopLevel(value, ',').every((layer) => isShadowLayer(layer.trim(), known)),
};

function isVar(value: string, known: KnownVariables): boolean {
  const name = varRe.exec(value)?.[1];
  return name !== undefined && known.has(name);
}

function isColor(value: string, known: KnownVariables): boolean {
  if (isVar(value, known) || hexRe.test(value) || colorKeywords.has(value.toLowerCase())) return true;
  const inner = colorFunctionRe.exec(value)?.[2];
  if (inner === undefined) return false;
  const parts = inner
    .replace(/([,/])/g, ' $1 ')
    .split(/\s+/)
    .filter((part) => part !== '');
  return parts.length >= 3 && parts.every((part) => colorArgRe.test(part) || isVar(part, known));
}

function isCalc(value: string, known: KnownVariables): boolean {
  const inner = /^calc\((.*)\)$/i.exec(value)?.[1];
  if (inner === undefined) return false;
  // var() references are checked, then removed, so only numbers, units, operators and parentheses remain
  const withoutVars = inner.replace(/var\(\s*(--[a-z0-9-]+)\s*\)/gi, (_match, name: string) =>
    known.has(name) ? '1' : '\u0000',
  );
  if (withoutVars.includes('\u0000')) return false;
  return /^[\d.\s+\-*/()a-z%]*$/i.test(withoutVars) && balanced(withoutVars);
}

function balanced(value: string): boolean {
  let depth = 0;
  for (const char of value) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

function isCubicBezier(value: string): boolean {
  const inner = /^cubic-bezier\((.*)\)$/i.exec(value)?.[1];
  if (inner === undefined) return false;
  const parts = inner.split(',').map((part) => part.trim());
  return parts.length === 4 && parts.every((part) => numberRe.test(part));
}

function isSteps(value: string): boolean {
  return /^steps\(\s*\d+\s*(?:,\s*(?:jump-start|jump-end|jump-none|jump-both|start|end)\s*)?\)$/i.test(value);
}

function isShadowLayer(layer: string, known: KnownVariables): boolean {
  const parts = splitTopLevel(layer, ' ').filter((part) => part !== '');
  let lengths = 0;
  let colors = 0;
  for (const part of parts) {
    if (part === 'inset') continue;
    if (lengthRe.test(part)) lengths += 1;
    else if (isColor(part, known)) colors += 1;
    else return false;
  }
  return lengths >= 2 && lengths <= 4 && colors <= 1;
}

/** Splits on `separator` outside parentheses: `a(b, c), d` → [`a(b, c)`, ` d`]. */
function splitTopLevel(value: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of value) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}
