import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatProblem, lintOpenApi, type OpenApiLintResult } from '@codexion/schema/testing';
import { describe, expect, it } from 'vitest';
import { findApps } from '../workspace/find-apps.js';
import { findFrameworkContracts } from '../workspace/find-framework-contracts.js';

const repo = resolve(import.meta.dirname, '../../../..');

describe('generated OpenAPI documents', async () => {
  const documents = [
    ...(await findApps(repo)).map((a) => [a.relativeDir, join(a.dir, 'core/generated/openapi.json')]),
    ...(await findFrameworkContracts(repo)).map((c) => [
      c.relativeDir,
      join(c.dir, 'generated/openapi.json'),
    ]),
  ];

  it("exist for at least the fixture app and the framework's authentication, tenancy and audit", () => {
    expect(documents.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'framework/cli/fixtures/sales',
        'framework/contracts/auth',
        'framework/contracts/tenancy',
        'framework/contracts/audit',
      ]),
    );
  });

  it.each(documents)('%s passes Redocly recommended with 0 errors', async (name, path) => {
    const document = JSON.parse(await readFile(path ?? '', 'utf8')) as unknown;
    const result = await lintOpenApi(document);
    console.log(`${name}: ${result.summary}`);
    expect(result.errors.map(formatProblem)).toEqual([]);
    expect(result.warnings.filter((w) => !isRedirectOnly(document, w)).map(formatProblem)).toEqual([]);
  });
});

/**
 * Whether a warning is `operation-2xx-response` on an operation that answers with a redirect: single
 * sign-on's start and callback send the browser on (302) and have no 2xx by nature.
 */
function isRedirectOnly(document: unknown, warning: OpenApiLintResult['warnings'][number]): boolean {
  if (warning.ruleId !== 'operation-2xx-response') return false;
  const pointer = warning.location[0]?.pointer ?? '';
  const [, path = '', method = ''] = /^#\/paths\/([^/]+)\/([a-z]+)\/responses$/.exec(pointer) ?? [];
  const paths = (document as { paths: Record<string, Record<string, { responses: object }>> }).paths;
  const responses = paths[path.replaceAll('~1', '/').replaceAll('~0', '~')]?.[method]?.responses ?? {};
  return Object.keys(responses).some((status) => status.startsWith('3'));
}
