import { randomBytes } from 'node:crypto';
import { TenancyToken } from '@codexion/framework/tenancy';
import type { TestProject } from 'vitest/node';
import { cortexUnderTest, demoTenantId } from '../../cortex/bin/cortex-host.test-helper.js';
import type { FuzzAccount } from './fuzz-host.js';
import { serveStateProbe } from './state-probe.js';

/**
 * Boots Cortex once for every file of the project — every app of `apps/*`, on a fresh test
 * database (PostgreSQL with `DATABASE_URL`, else PGlite), demo data seeded — and makes the
 * accounts: the demo owner, a viewer, and the owners of two fresh tenants A and B. Serves the
 * database's state probe beside it. Stops both when the run ends.
 */
export default async function setup(project: TestProject) {
  const started = performance.now();
  const t = await cortexUnderTest({
    overrides: {
      auth: {
        rateLimit: { enabled: false },
        // the suites sign in and fail to sign in thousands of times from one address: lockouts
        // would refuse their own sign-ins, not the bad requests (which answer before it counts)
        lockout: { maxAttempts: 1_000_000, ipMaxAttempts: 1_000_000 },
      },
      // public actions are rate limited per address, every other operation per credential: past
      // those limits every bad request would be a 429, not the answer to what is wrong with it
      http: { publicRateLimit: { enabled: false }, rateLimit: { enabled: false } },
    },
  });
  const tenancy = t.cortex.kernel.container.resolve(TenancyToken);
  const login = t.cortex.ownerLogin;
  if (login === undefined || t.owner.userId === undefined)
    throw new Error('Cortex made no owner on its first run');
  const viewer = await t.memberWithRole('viewer');
  const tenantOwner = async (label: string): Promise<FuzzAccount> => {
    const tenant = await tenancy.createTenant({
      name: `Tenant ${label}`,
      slug: `fuzz-${label.toLowerCase()}-${randomBytes(3).toString('hex')}`,
    });
    const owner = await t.memberWithRole('owner', tenant.id);
    return { email: owner.email, password: owner.password, userId: owner.userId ?? '', tenantId: tenant.id };
  };
  const probe = await serveStateProbe(t.database());
  const bootMs = Math.round(performance.now() - started);
  project.provide('fuzzHost', {
    url: t.cortex.url,
    probeUrl: probe.url,
    bodyLimit: t.cortex.kernel.config.http.bodyLimit,
    database: t.database().kind,
    bootMs,
    owner: { ...login, userId: t.owner.userId, tenantId: demoTenantId },
    viewer: {
      email: viewer.email,
      password: viewer.password,
      userId: viewer.userId ?? '',
      tenantId: demoTenantId,
    },
    tenantA: await tenantOwner('A'),
    tenantB: await tenantOwner('B'),
  });
  console.log(
    `fuzz: Cortex ready at ${t.cortex.url} on ${t.database().kind} in ${(bootMs / 1000).toFixed(1)} s`,
  );
  return async () => {
    await probe.close();
    await t.dispose();
  };
}
