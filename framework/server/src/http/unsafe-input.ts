import { escapePointerToken, type ValidationIssue } from '@codexion/schema';

/** How deep a JSON body (or a JSON parameter such as `where`) may nest, unless configured. */
export const defaultMaxJsonDepth = 32;

/** In a `u` regular expression a surrogate pair is one code point: only unpaired halves match. */
const loneSurrogate = /\p{Surrogate}/u;

/** At most this many issues are reported for one value: a hostile body can hold millions. */
const maxIssues = 20;

/**
 * Why a text cannot be stored as it is, or `undefined` when it can. PostgreSQL refuses U+0000 in
 * `text` and `jsonb` (the statement fails), and an unpaired UTF-16 surrogate has no UTF-8 form
 * (the driver silently turns it into U+FFFD): both are refused before they reach SQL.
 *
 * @example
 * unstorableText('a\u0000b'); // { code: 'nul', message: 'must not contain U+0000 (NUL)' }
 * unstorableText('ok'); // undefined
 */
export function unstorableText(text: string): { code: string; message: string } | undefined {
  if (text.includes('\u0000')) return { code: 'nul', message: 'must not contain U+0000 (NUL)' };
  if (loneSurrogate.test(text))
    return { code: 'surrogate', message: 'must not contain an unpaired UTF-16 surrogate' };
  return undefined;
}

export interface UnsafeJsonOptions {
  /** containers (objects and arrays) nested deeper than this are refused; {@link defaultMaxJsonDepth} unless given */
  maxDepth?: number;
}

/**
 * Walks a parsed JSON value once, without recursion (a body nested 100,000 levels deep must not
 * take the stack with it), and lists what no handler should ever see: containers nested deeper
 * than `maxDepth`, and strings or member names that cannot be stored ({@link unstorableText}).
 * Paths are JSON Pointers under `prefix` (`/body`), as in every other issue.
 *
 * @example
 * unsafeJsonIssues({ a: { b: 'x\u0000' } }, '/body')
 * // [{ path: '/body/a/b', code: 'nul', message: 'must not contain U+0000 (NUL)' }]
 */
export function unsafeJsonIssues(
  value: unknown,
  prefix: string,
  { maxDepth = defaultMaxJsonDepth }: UnsafeJsonOptions = {},
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  // depth counts containers: the body object itself is depth 1; a bad member name is reported
  // when its member's turn comes, so issues follow the document's order
  type Entry = { node: unknown; path: string; depth: number; badName?: { code: string; message: string } };
  const stack: Entry[] = [{ node: value, path: prefix, depth: 0 }];
  while (stack.length > 0 && issues.length < maxIssues) {
    const { node, path, depth, badName } = stack.pop() as Entry;
    if (badName !== undefined) {
      issues.push({ path, code: badName.code, message: `has a name that ${badName.message}` });
      continue;
    }
    if (typeof node === 'string') {
      const problem = unstorableText(node);
      if (problem !== undefined) issues.push({ path, ...problem });
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= maxDepth) {
      issues.push({ path, code: 'maxDepth', message: `must not nest deeper than ${maxDepth} levels` });
      continue;
    }
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--)
        stack.push({ node: node[i], path: `${path}/${i}`, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      const childPath = `${path}/${escapePointerToken(key)}`;
      const problem = unstorableText(key);
      stack.push({
        node: (node as Record<string, unknown>)[key],
        path: childPath,
        depth: depth + 1,
        ...(problem === undefined ? {} : { badName: problem }),
      });
    }
  }
  return issues;
}
