import { isDeepStrictEqual } from 'node:util';
import type { ResourceHooks } from '@codexion/framework';
import { checkTagIds } from '../services/tag-references.js';

/**
 * The company's server-side check: `tagIds` must be tags of the tenant. (Domains arrive in lower
 * case: the schema's pattern refuses anything else before hooks run, so forms lower-case them.)
 *
 * @example
 * definePlugin({ …, hooks: { company: companyHooks() } })
 */
export function companyHooks(): ResourceHooks {
  return {
    async beforeCreate(ctx, input) {
      await checkTagIds(ctx, input.tagIds);
      return input;
    },
    async beforeUpdate(ctx, next, previous) {
      if (!isDeepStrictEqual(next.tagIds, previous.tagIds)) await checkTagIds(ctx, next.tagIds);
      return next;
    },
  };
}
