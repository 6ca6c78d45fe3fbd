import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatProblem, lintOpenApi } from '@codexion/schema/testing';
import { describe, expect, it } from 'vitest';
import { findApps } from '../workspace/find-apps.js';

const repo = resolve(import.meta.dirname, '../../../..');

describe('generated OpenAPI documents', async () => {
  const apps = await findApps(repo);

  it('exist for at least the fixture app', () => {
    expect(apps.map((a) => a.relativeDir)).toContain('framework/cli/fixtures/sales');
  });

  it.each(apps.map((a) => [a.relativeDir, a.dir]))(
    '%s passes Redocly recommended with 0 errors',
    async (name, dir) => {
      const document = JSON.parse(
        await readFile(join(dir, 'core/generated/openapi.json'), 'utf8'),
      ) as unknown;
      const result = await lintOpenApi(document);
      console.log(`${name}: ${result.summary}`);
      expect(result.errors.map(formatProblem)).toEqual([]);
      expect(result.warnings.map(formatProblem)).toEqual([]);
    },
  );
});
