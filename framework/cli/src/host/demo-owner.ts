import { randomInt } from 'node:crypto';
import { DomainError } from '@codexion/framework/errors';
import { createUser, type Identity, userByEmail } from '@codexion/framework/identity';
import { isRefusal, type Tenancy } from '@codexion/framework/tenancy';
import type { OwnerLogin } from './login-file.js';

/** The demo's owner account. */
export const demoOwnerEmail = 'owner@acme.example';
/** The seeded demo tenant's name, and the empty second tenant's (for the tenant switcher). */
export const demoTenantName = 'Acme (demo)';
export const secondTenant = { name: 'Globex', slug: 'globex' } as const;

const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A password that is easy to type: four groups of four, from an alphabet without look-alikes (~80 bits). */
export function readablePassword(): string {
  const group = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

/** The system acting at boot: holds every permission, audited as `system`. */
function system(tenantId: string) {
  return { tenantId, permissions: new Set(['*']) };
}

export interface DemoOwnerResult {
  /** set when this call created the account: the only time its password is known */
  created?: OwnerLogin;
  /** the owner's id; absent when the setup was done and the account is gone */
  userId?: string;
}

/**
 * Makes sure the demo has its owner: on the first run the account `owner@acme.example` with a
 * random password, owner of the seeded demo tenant and of a second, empty tenant "Globex"; the
 * demo tenant is renamed "Acme (demo)" last, which marks the setup done. A later run changes
 * nothing; a run that stopped half way finishes what is missing. `save` is called as soon as the
 * account exists, before anything else can fail, so its password is never lost.
 *
 * @example
 * const { created } = await ensureDemoOwner({ identity, tenancy, demoTenantId, save: (login) => writeLoginFile(file, login) });
 */
export async function ensureDemoOwner({
  identity,
  tenancy,
  demoTenantId,
  save,
}: {
  identity: Identity;
  tenancy: Tenancy;
  demoTenantId: string;
  save: (login: OwnerLogin) => Promise<void>;
}): Promise<DemoOwnerResult> {
  const demo = await tenancy.getTenant(demoTenantId);
  let user = await userByEmail(identity.context, demoOwnerEmail);
  // the kernel creates configured tenants with a placeholder name; the setup renames it last
  const done = demo === undefined || demo.name !== `Tenant ${demoTenantId.slice(0, 8)}`;
  if (done) return user === undefined ? {} : { userId: user.id };
  let created: OwnerLogin | undefined;
  if (user === undefined) {
    created = { email: demoOwnerEmail, password: readablePassword() };
    user = await createUser(identity.context, {
      email: created.email,
      name: 'Olivia Owner',
      password: created.password,
      emailVerified: true,
    });
    await save(created);
  }
  const userId = user.id;
  if (isRefusal(await tenancy.resolveAccess({ userId, tenantId: demoTenantId }))) {
    await tenancy.addMember(system(demoTenantId), { userId, role: 'owner' });
  }
  const memberships = await tenancy.listMemberships(userId);
  if (!memberships.some((m) => m.tenantSlug === secondTenant.slug)) {
    await tenancy.createTenant({ ...secondTenant, ownerId: userId }).catch((error: unknown) => {
      // someone made a "globex" already: the demo does without it
      if (!(error instanceof DomainError && error.code === 'UNIQUE_VIOLATION')) throw error;
    });
  }
  if (!done) await tenancy.updateTenant(system(demoTenantId), { name: demoTenantName });
  return { ...(created === undefined ? {} : { created }), userId };
}
