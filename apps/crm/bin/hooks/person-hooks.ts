import type { Draft, ResourceHooks } from '@codexion/framework/plugins';
import type { Person } from '../../core/generated/client/types.gen.js';
import { crm } from '../crm.js';
import { composeName } from '../services/compose-name.js';

function withName(person: Partial<Draft<Person>>): Partial<Draft<Person>> {
  // without a first name there is nothing to compose; the schema's validation says what is missing
  if (person.firstName === undefined) return person;
  return { ...person, name: composeName(person.firstName, person.lastName) };
}

/**
 * The person's server-set field: `name` composed from `firstName` and `lastName` on every write,
 * before validation (clients need not send it, and what they send is replaced).
 *
 * @example
 * definePlugin({ …, hooks: { person: personHooks() } })
 */
export function personHooks(): ResourceHooks<Person> {
  return crm.defineHooks('person', {
    prepare: (_ctx, input) => withName(input),
  });
}
