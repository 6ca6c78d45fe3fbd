import type { ResourceHooks } from '@codexion/framework';
import type { Tag } from '../../core/generated/client/types.gen.js';
import { crm } from '../crm.js';
import { removeTagEverywhere } from '../services/tag-references.js';

/**
 * A deleted tag leaves no id behind: it is removed from every company, person and deal of the
 * tenant in the delete's transaction.
 *
 * @example
 * definePlugin({ …, hooks: { tag: tagHooks() } })
 */
export function tagHooks(): ResourceHooks<Tag> {
  return crm.defineHooks('tag', {
    async afterDelete(ctx, tag) {
      const removed = await removeTagEverywhere(ctx, tag.id);
      ctx.logger.info({ tagId: tag.id, removed }, 'tag removed from its records');
    },
  });
}
