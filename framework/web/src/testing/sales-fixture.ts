import type { JsonSchema, RuleFile } from '@codexion/schema';
import { defineEntities, type EntityCatalog } from '../entity/define-entities.js';
import { fakeResourceOperations, fakeSdkCall } from './fake-resource-operations.js';
import account from './fixtures/account.schema.json' with { type: 'json' };
import address from './fixtures/address.schema.json' with { type: 'json' };
import opportunityRules from './fixtures/opportunity.rules.json' with { type: 'json' };
import opportunity from './fixtures/opportunity.schema.json' with { type: 'json' };
import task from './fixtures/task.schema.json' with { type: 'json' };

/**
 * The CLI's `sales` fixture app (accounts, opportunities with a kanban and rules, an embedded
 * address) plus a `task` entity with the widgets it lacks (boolean, date-time, url, phone, JSON).
 */
export function salesCatalog(): EntityCatalog {
  return defineEntities({
    app: 'sales',
    schemas: [account, address, opportunity, task] as JsonSchema[],
    rules: { opportunity: opportunityRules as unknown as RuleFile },
    options: {
      opportunity: { history: fakeSdkCall('get', '/opportunities/{id}/history') },
    },
    // what a generated `resources.gen.ts` map would give: the fixture has no generated client
    operations: {
      account: fakeResourceOperations('accounts'),
      opportunity: fakeResourceOperations('opportunities'),
      task: fakeResourceOperations('tasks'),
    },
  });
}
