import { formatProblem, lintOpenApi } from '@codexion/schema/testing';
import { describe, expect, it } from 'vitest';
import type { Database } from '../data/database.js';
import { verifyContract } from '../http/operation-router.js';
import { auditOpenApi, auditReadPermission } from './audit-openapi.js';
import { auditHttpPlugin } from './audit-routes.js';

describe('auditOpenApi', () => {
  it("passes Redocly's recommended rules", async () => {
    const result = await lintOpenApi(auditOpenApi);
    expect(result.errors.map(formatProblem)).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([]);
  });

  it('has a handler for each operation, each needing prefiq:audit:read', () => {
    // the handlers are only counted here, never called
    const plugin = auditHttpPlugin({ database: {} as Database });
    expect(verifyContract(plugin.openapi, plugin.handlers)).toEqual({ missing: [], extra: [] });
    const operations = Object.values(auditOpenApi.paths).flatMap((item) => Object.values(item));
    expect(operations.map((operation) => operation['x-codexion-permission'])).toEqual([
      auditReadPermission,
      auditReadPermission,
    ]);
  });
});
