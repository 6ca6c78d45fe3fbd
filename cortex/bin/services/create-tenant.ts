import { randomBytes } from 'node:crypto';
import { DomainError } from '@codexion/framework/errors';
import type { PluginContext } from '@codexion/framework/plugins';
import { TenancyToken } from '@codexion/framework/tenancy';
import type { CreateTenantResponse } from '../../core/generated/client/types.gen.js';

/**
 * A tenant's slug from its name: lower-case ASCII words joined by `-` (`Globex Corp.` →
 * `globex-corp`), `tenant` when nothing is left.
 *
 * @example
 * slugOf('Ünïcode & Co') // 'unicode-co'
 */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? 'tenant' : slug;
}

const attempts = 4;

/**
 * Creates a tenant owned by the caller, with the framework's tenancy (built-in roles, the owner's
 * membership, both audited in the new tenant's log) inside the action's transaction. Its slug
 * comes from the name; a taken slug gets a random suffix. No app is switched off, so every app is
 * on.
 *
 * @throws {DomainError} 403 without a signed-in user
 *
 * @example
 * const tenant = await createTenant(ctx, { name: 'Globex' }); // { id, name: 'Globex', status: 'active' }
 */
export async function createTenant(
  ctx: PluginContext,
  { name }: { name: string },
): Promise<CreateTenantResponse> {
  const ownerId = ctx.userId;
  if (ownerId === undefined) throw new DomainError('FORBIDDEN', 'Only a signed-in user may create a tenant');
  // joined to the action's transaction: the tenant, its roles and owner commit with the action
  const tenancy = ctx.services.get(TenancyToken);
  const trimmed = name.trim();
  const base = slugOf(trimmed);
  for (let attempt = 0; ; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${randomBytes(3).toString('hex')}`;
    try {
      const tenant = await tenancy.createTenant(
        { name: trimmed, slug, ownerId },
        { userId: ownerId, requestId: ctx.requestId },
      );
      return { id: tenant.id, name: tenant.name, status: tenant.status };
    } catch (error) {
      const taken = error instanceof DomainError && error.code === 'UNIQUE_VIOLATION';
      if (!taken || attempt + 1 >= attempts) throw error;
    }
  }
}
