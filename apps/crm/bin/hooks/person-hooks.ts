import { isDeepStrictEqual } from 'node:util';
import type { Draft, ResourceHooks } from '@codexion/framework';
import type { Person } from '../../core/generated/client/types.gen.js';
import { crm } from '../crm.js';
import { composeName } from '../services/compose-name.js';
import { checkTagIds } from '../services/tag-references.js';

function withName(person: Partial<Draft<Person>>): Partial<Draft<Person>> {
  // without a first name there is nothing to compose; the schema's validation says what is missing
  if (person.firstName === undefined) return person;
  return { ...person, name: composeName(person.firstName, person.lastName) };
}

/**
 * The person's server-set field and check: `name` composed from `firstName` and `lastName` on
 * every write, before validation (clients need not send it, and what they send is replaced), and
 * `tagIds` checked on the validated record.
 *
 * @example
 * definePlugin({ …, hooks: { person: personHooks() } })
 */
export function personHooks(): ResourceHooks<Person> {
  return crm.defineHooks('person', {
    prepare: (_ctx, input) => withName(input),
    async beforeCreate(ctx, person) {
      await checkTagIds(ctx, person.tagIds);
      return undefined;
    },
    async beforeUpdate(ctx, next, previous) {
      if (!isDeepStrictEqual(next.tagIds, previous.tagIds)) await checkTagIds(ctx, next.tagIds);
      return undefined;
    },
  });
}
