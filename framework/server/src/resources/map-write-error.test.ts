import { beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import type { EntityPlan } from './entity-plan.js';
import { mapWriteError } from './map-write-error.js';
import { salesPlans } from './sales-engine.test-helper.js';

let opportunity: EntityPlan;
let account: EntityPlan;
beforeAll(async () => {
  ({ opportunity, account } = await salesPlans());
});

const pgError = (fields: Record<string, string>) =>
  Object.assign(new Error('Failed query'), {
    cause: Object.assign(new Error(fields.message ?? 'db'), fields),
  });

describe('mapWriteError', () => {
  it('names the fields of a unique violation, not their values', () => {
    const error = mapWriteError(
      account,
      pgError({
        code: '23505',
        constraint_name: 'accounts_domain_key',
        detail: 'Key (tenant_id, domain)=(t, secret.com) already exists.',
      }),
      'create',
    );
    expect(error).toMatchObject({
      code: 'UNIQUE_VIOLATION',
      status: 409,
      issues: [{ path: '/domain', code: 'unique', message: 'is already used by another Account' }],
    });
    expect(JSON.stringify((error as DomainError).issues)).not.toContain('secret.com');
    expect((error as DomainError).message).not.toContain('secret.com');
  });

  it('finds the fields from the detail when the constraint is not declared', () => {
    const error = mapWriteError(
      account,
      pgError({ code: '23505', constraint: 'other', detail: 'Key (tenant_id, name)=(t, x) already exists.' }),
      'update',
    );
    expect(error).toMatchObject({ code: 'UNIQUE_VIOLATION', issues: [{ path: '/name' }] });
  });

  it('makes a foreign key violation a 409 on delete and a 422 on the reference when writing', () => {
    expect(
      mapWriteError(account, pgError({ code: '23503', table_name: 'opportunities' }), 'delete'),
    ).toMatchObject({
      code: 'REFERENCE_VIOLATION',
      status: 409,
    });
    expect(
      mapWriteError(
        opportunity,
        pgError({ code: '23503', constraint_name: 'opportunities_account_id_fkey' }),
        'create',
        '/items/2',
      ),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 422,
      issues: [{ path: '/items/2/accountId', code: 'reference' }],
    });
  });

  it('makes type and NOT NULL errors 422s and leaves the rest alone', () => {
    expect(mapWriteError(account, pgError({ code: '22003' }), 'create')).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(mapWriteError(account, pgError({ code: '23502', column: 'name' }), 'create')).toMatchObject({
      issues: [{ path: '/name', code: 'required' }],
    });
    const other = new Error('boom');
    expect(mapWriteError(account, other, 'create')).toBe(other);
    const domain = new DomainError('NOT_FOUND', 'x');
    expect(mapWriteError(account, domain, 'create')).toBe(domain);
    const timeout = pgError({ code: '57014' });
    expect(mapWriteError(account, timeout, 'create')).toBe(timeout);
  });
});
