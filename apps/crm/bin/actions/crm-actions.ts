import type { AppActions } from '@codexion/framework/plugins';
import { formatEtag } from '@codexion/framework/resources';
import type { Deal } from '../../core/generated/client/types.gen.js';
import type { CrmContract } from '../../core/generated/contract.js';
import type { CrmEventOutbox } from '../crm.js';
import { loseDeal, winDeal } from '../services/close-deal.js';
import { convertLead } from '../services/convert-lead.js';
import { mergeCompanies } from '../services/merge-companies.js';
import { mergePeople } from '../services/merge-people.js';
import { moveDeal } from '../services/move-deal.js';

/** A deal answered with its ETag, so the client can write it next without reading it again. */
function withEtag(deal: Deal): { body: Deal; headers: Record<string, string> } {
  return { body: deal, headers: { ETag: formatEtag(deal.id, deal.version) } };
}

/**
 * The handlers of `core/actions/*.json`, by action id, each typed by the contract: the operation
 * router has validated `params` and `body` against the action's schemas before it runs. Each calls
 * its service (in the action's transaction) and answers; deals come back with their ETag.
 *
 * @example
 * crm.definePlugin({ …, actions: crmActions(events) })
 */
export function crmActions(events: CrmEventOutbox): AppActions<CrmContract> {
  return {
    convertLead: async (ctx, { params, body }) => ({
      body: await convertLead(ctx, events, params.id, body),
    }),
    moveDeal: async (ctx, { params, body }) => withEtag(await moveDeal(ctx, params.id, body)),
    winDeal: async (ctx, { params }) => withEtag(await winDeal(ctx, params.id)),
    loseDeal: async (ctx, { params, body }) => withEtag(await loseDeal(ctx, params.id, body)),
    mergePeople: async (ctx, { params, body }) => ({
      body: await mergePeople(ctx, events, params.id, body),
    }),
    mergeCompanies: async (ctx, { params, body }) => ({
      body: await mergeCompanies(ctx, events, params.id, body),
    }),
  };
}
