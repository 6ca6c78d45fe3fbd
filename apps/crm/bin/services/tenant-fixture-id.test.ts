import { describe, expect, it } from 'vitest';
import { tenantFixtureId } from './tenant-fixture-id.js';

const tenant = '7e7e7e7e-0000-4000-8000-00000000007e';
const id = '22ba422e-f3b5-59a2-8685-a3a96d6f9718';

describe('tenantFixtureId', () => {
  it('is a stable uuid v5 per tenant and fixture id', () => {
    const derived = tenantFixtureId(tenant, id);
    expect(derived).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(tenantFixtureId(tenant, id.toUpperCase())).toBe(derived);
    expect(tenantFixtureId('00000000-0000-4000-8000-000000000002', id)).not.toBe(derived);
    expect(tenantFixtureId(tenant, '751194bb-3d4a-51cd-9a4d-8c6b30f6be76')).not.toBe(derived);
  });
});
