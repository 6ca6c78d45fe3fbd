import { isDeepStrictEqual } from 'node:util';
import type { ResourceHooks } from '@codexion/framework';
import type { Company } from '../../core/generated/client/types.gen.js';
import { crm } from '../crm.js';
import { checkTagIds } from '../services/tag-references.js';

/**
 * The company's server-side check: `tagIds` must be tags of the tenant. (Domains arrive in lower
 * case: the schema's pattern refuses anything else, so forms lower-case them.)
 *
 * @example
 * definePlugin({ …, hooks: { company: companyHooks() } })
 */
export function companyHooks(): ResourceHooks<Company> {
  return crm.defineHooks('company', {
    async beforeCreate(ctx, company) {
      await checkTagIds(ctx, company.tagIds);
      return undefined;
    },
    async beforeUpdate(ctx, next, previous) {
      if (!isDeepStrictEqual(next.tagIds, previous.tagIds)) await checkTagIds(ctx, next.tagIds);
      return undefined;
    },
  });
}
