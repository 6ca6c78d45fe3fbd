import { isDeepStrictEqual } from 'node:util';
import type { ResourceHooks } from '@codexion/framework';
import { composeName } from '../services/compose-name.js';
import { checkTagIds } from '../services/tag-references.js';

type Row = Record<string, unknown>;

function withName(person: Row): Row {
  const name = composeName(person.firstName, person.lastName);
  // without a first name there is nothing to compose; the schema's validation says what is missing
  return name === undefined ? person : { ...person, name };
}

/**
 * The person's server-set field and check: `name` composed from `firstName` and `lastName` on
 * every write (clients need not send it, and what they send is replaced), `tagIds` checked.
 *
 * @example
 * definePlugin({ …, hooks: { person: personHooks() } })
 */
export function personHooks(): ResourceHooks {
  return {
    async beforeCreate(ctx, input) {
      await checkTagIds(ctx, input.tagIds);
      return withName(input);
    },
    async beforeUpdate(ctx, next, previous) {
      if (!isDeepStrictEqual(next.tagIds, previous.tagIds)) await checkTagIds(ctx, next.tagIds);
      return withName(next);
    },
  };
}
