import type { JsonSchema, RuleFile } from '@codexion/schema';
import { defineEntities } from '@codexion/web';
import { crmResources } from '../core/generated/client/resources.gen.js';
import { moveDeal } from '../core/generated/client/sdk.gen.js';
import activityRules from '../core/rules/activity.rules.json' with { type: 'json' };
import dealRules from '../core/rules/deal.rules.json' with { type: 'json' };
import personRules from '../core/rules/person.rules.json' with { type: 'json' };
import stageRules from '../core/rules/stage.rules.json' with { type: 'json' };
import activity from '../core/schema/activity.schema.json' with { type: 'json' };
import address from '../core/schema/address.schema.json' with { type: 'json' };
import company from '../core/schema/company.schema.json' with { type: 'json' };
import deal from '../core/schema/deal.schema.json' with { type: 'json' };
import person from '../core/schema/person.schema.json' with { type: 'json' };
import phoneNumber from '../core/schema/phone-number.schema.json' with { type: 'json' };
import pipeline from '../core/schema/pipeline.schema.json' with { type: 'json' };
import stage from '../core/schema/stage.schema.json' with { type: 'json' };
import tag from '../core/schema/tag.schema.json' with { type: 'json' };

/** A person's full name as the `name-is-first-and-last` rule holds it. */
export function composeName(firstName: unknown, lastName: unknown): string | undefined {
  if (typeof firstName !== 'string') return undefined;
  return typeof lastName === 'string' && lastName !== '' ? `${firstName} ${lastName}` : firstName;
}

/**
 * The CRM's entities for the generated pages, schemas and rules straight from core/, and how the
 * CRM wants them shown: the board is one pipeline's stages with open deals in rank order; the
 * activity timeline replaces the generic activity lists on records.
 */
export const crm = defineEntities({
  app: 'crm',
  schemas: [company, person, deal, pipeline, stage, activity, tag, address, phoneNumber] as JsonSchema[],
  rules: {
    activity: activityRules as unknown as RuleFile,
    deal: dealRules as unknown as RuleFile,
    person: personRules as unknown as RuleFile,
    stage: stageRules as unknown as RuleFile,
  },
  // owners and assignees are user ids until the identity module can name them: no bare ids on screen
  options: {
    deal: {
      kanban: {
        action: { call: moveDeal, bodyField: 'stageId' },
        filters: [{ field: 'status', op: 'eq', value: 'open' }],
        sort: [{ field: 'rank', desc: false }],
        columnSort: 'position',
        scope: { field: 'pipelineId', sort: 'position' },
        sumField: 'amount',
        cardFields: ['companyId', 'amount', 'expectedCloseDate'],
      },
      related: [],
      hiddenFields: ['ownerId'],
      listColumns: ['title', 'companyId', 'amount', 'stageId', 'status', 'expectedCloseDate'],
    },
    company: {
      hiddenFields: ['ownerId'],
      listColumns: ['name', 'domain', 'industry', 'size', 'tagIds'],
      related: [
        { entity: 'person', field: 'companyId' },
        { entity: 'deal', field: 'companyId' },
      ],
    },
    person: {
      hiddenFields: ['ownerId'],
      // the server composes `name` on every write (bin/hooks); the form checks the same result
      derive: (record) => ({ ...record, name: composeName(record.firstName, record.lastName) }),
      listColumns: ['name', 'email', 'jobTitle', 'companyId', 'tagIds'],
      related: [{ entity: 'deal', field: 'primaryContactId' }],
    },
    pipeline: { related: [{ entity: 'stage', field: 'pipelineId' }] },
    stage: { related: [] },
    activity: {
      hiddenFields: ['assigneeId'],
      listColumns: ['subject', 'type', 'dueDate', 'done', 'dealId', 'personId', 'companyId'],
      related: [],
    },
    tag: { related: [] },
  },
  // the generated pages call each entity's API through the generated SDK
  operations: crmResources,
});
