import type { JsonSchema, RuleFile } from '@codexion/schema';
import {
  type AppModule,
  createResourceRoutes,
  defineAppModule,
  defineEntities,
  type EntityCatalog,
} from '@codexion/web';
import { Briefcase, Building, Target } from 'lucide-react';
import manifest from '../../cli/fixtures/sales/core/app.json' with { type: 'json' };
import { salesResources } from '../../cli/fixtures/sales/core/generated/client/resources.gen.js';
import { moveOpportunity } from '../../cli/fixtures/sales/core/generated/client/sdk.gen.js';
import opportunityRules from '../../cli/fixtures/sales/core/rules/opportunity.rules.json' with {
  type: 'json',
};
import account from '../../cli/fixtures/sales/core/schema/account.schema.json' with { type: 'json' };
import address from '../../cli/fixtures/sales/core/schema/address.schema.json' with { type: 'json' };
import opportunity from '../../cli/fixtures/sales/core/schema/opportunity.schema.json' with { type: 'json' };
import { fakeSdkCall } from '../src/testing/fake-resource-operations.js';

/** The sales fixture's entities: schemas and rules straight from its `core/`. */
export const sales: EntityCatalog = defineEntities({
  app: 'sales',
  schemas: [account, address, opportunity] as JsonSchema[],
  rules: { opportunity: opportunityRules as unknown as RuleFile },
  options: {
    // the board writes through the app's own action (core/actions/move-opportunity.json)
    opportunity: {
      kanban: { action: { call: moveOpportunity, bodyField: 'stage' } },
      // the demo API keeps a history the fixture's contract does not declare: the test kit's stand-in call
      history: fakeSdkCall('get', '/opportunities/{id}/history'),
    },
  },
  // the generated pages call each entity's API through the fixture's generated SDK
  operations: salesResources,
});

/** German labels of the app's own entities, next to the framework's German catalog. */
const de = {
  title: 'Vertrieb',
  nav: { accounts: 'Firmen', opportunities: 'Verkaufschancen' },
  account: {
    title: 'Firma',
    plural: 'Firmen',
    sections: { main: 'Firma', contact: 'Kontakt' },
    fields: {
      name: 'Name',
      domain: 'Domain',
      employees: 'Mitarbeitende',
      tier: 'Stufe',
      contactEmail: 'Kontakt-E-Mail',
      address: 'Adresse',
      tags: 'Schlagwörter',
    },
    options: { tier: { standard: 'Standard', gold: 'Gold', platinum: 'Platin' } },
  },
  opportunity: {
    title: 'Verkaufschance',
    plural: 'Verkaufschancen',
    fields: {
      title: 'Titel',
      accountId: 'Firma',
      amount: 'Betrag',
      currency: 'Währung',
      stage: 'Phase',
      status: 'Status',
      lostReason: 'Verlustgrund',
      expectedClose: 'Erwarteter Abschluss',
      probability: 'Wahrscheinlichkeit',
    },
    rules: {
      'won-needs-amount': 'Eine gewonnene Verkaufschance braucht einen Betrag über null',
      'lost-needs-reason': 'Sagen Sie, warum die Verkaufschance verloren ging',
    },
    options: {
      stage: {
        lead: 'Interessent',
        qualified: 'Qualifiziert',
        proposal: 'Angebot',
        negotiation: 'Verhandlung',
      },
      status: { open: 'Offen', won: 'Gewonnen', lost: 'Verloren' },
    },
  },
};

/** The app module a standalone shell or Cortex mounts: name, title, icon and navigation from the fixture's `core/app.json`. */
export function createSalesModule({ pageSize }: { pageSize?: number } = {}): AppModule {
  return defineAppModule({
    manifest,
    icons: { briefcase: Briefcase, building: Building, target: Target },
    routes: sales.entities.flatMap((entity) => createResourceRoutes(entity, { pageSize })),
    entities: sales,
    translations: { de },
  });
}
