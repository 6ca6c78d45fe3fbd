import { type ActionHandler, type ActionResult, formatEtag, type OperationInput } from '@codexion/framework';
import type {
  ApiRecord,
  ConvertLeadBody,
  LoseDealBody,
  MergeBody,
  MoveDealBody,
} from '../services/action-bodies.js';
import { loseDeal, winDeal } from '../services/close-deal.js';
import { convertLead } from '../services/convert-lead.js';
import type { EventOutbox } from '../services/event-outbox.js';
import { mergeCompanies } from '../services/merge-companies.js';
import { mergePeople } from '../services/merge-people.js';
import { moveDeal } from '../services/move-deal.js';

function idOf(input: OperationInput): string {
  return input.params.id ?? '';
}

/**
 * The body, typed as the contract says: the operation router has validated it against the
 * action's request schema (Ajv, from `core/actions/*.json`) before any handler runs.
 */
function bodyOf<T>(input: OperationInput): T {
  return input.body as T;
}

/** A record answered with its ETag, so the client can write it next without reading it again. */
function withEtag(record: ApiRecord): ActionResult {
  return { body: record, headers: { ETag: formatEtag(String(record.id), Number(record.version)) } };
}

/**
 * The handlers of `core/actions/*.json`, by action id: each parses its input, calls its service
 * (in the action's transaction) and answers. Deals come back with their ETag.
 *
 * @example
 * definePlugin({ …, actions: crmActions(events) })
 */
export function crmActions(events: EventOutbox): Record<string, ActionHandler> {
  return {
    convertLead: async (ctx, input) => ({
      body: await convertLead(ctx, events, idOf(input), bodyOf<ConvertLeadBody>(input)),
    }),
    moveDeal: async (ctx, input) => withEtag(await moveDeal(ctx, idOf(input), bodyOf<MoveDealBody>(input))),
    winDeal: async (ctx, input) => withEtag(await winDeal(ctx, idOf(input))),
    loseDeal: async (ctx, input) => withEtag(await loseDeal(ctx, idOf(input), bodyOf<LoseDealBody>(input))),
    mergePeople: async (ctx, input) => ({
      body: await mergePeople(ctx, events, idOf(input), bodyOf<MergeBody>(input)),
    }),
    mergeCompanies: async (ctx, input) => ({
      body: await mergeCompanies(ctx, events, idOf(input), bodyOf<MergeBody>(input)),
    }),
  };
}
