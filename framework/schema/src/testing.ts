/**
 * Test helpers other packages' tests may use. Not part of the runtime API: it pulls in
 * `@redocly/openapi-core`, a development dependency that needs Node.
 */
export { formatProblem, lintOpenApi, type OpenApiLintResult } from './openapi/lint-openapi.test-helper.js';
