/**
 * Test-only: lints a generated document with Redocly's `recommended` ruleset. Kept out of
 * `index.ts` because `@redocly/openapi-core` needs Node and is a dev dependency only.
 */
import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';

export interface OpenApiLintResult {
  errors: NormalizedProblem[];
  warnings: NormalizedProblem[];
  /** `openapi lint: 0 errors, 2 warnings` */
  summary: string;
}

/**
 * @example
 * const result = await lintOpenApi(buildOpenApi(app, { license }));
 * expect(result.errors.map(formatProblem)).toEqual([]);
 */
export async function lintOpenApi(document: unknown): Promise<OpenApiLintResult> {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({
    // JSON is YAML, and keeping it JSON makes reported lines match `JSON.stringify(doc, null, 2)`
    source: JSON.stringify(document, null, 2),
    absoluteRef: 'openapi.json',
    config,
  });
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warn');
  return {
    errors,
    warnings,
    summary: `openapi lint: ${errors.length} errors, ${warnings.length} warnings`,
  };
}

/** One line per problem: `error no-unresolved-refs: Can't resolve $ref at #/paths/...` */
export function formatProblem(problem: NormalizedProblem): string {
  const where = problem.location.map((l) => l.pointer ?? '').join(', ');
  return `${problem.severity} ${problem.ruleId}: ${problem.message} at ${where}`;
}
