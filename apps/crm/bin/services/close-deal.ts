import { DomainError, inRequest } from '@codexion/framework/errors';
import type { ActionContext } from '@codexion/framework/plugins';
import { evaluateRules, type RuleFile } from '@codexion/schema';
import type { Deal, LoseDealData } from '../../core/generated/client/types.gen.js';
import dealRules from '../../core/rules/deal.rules.json' with { type: 'json' };
import { crm } from '../crm.js';

// JSON imports type JSON Logic too loosely for RuleFile; codegen and the plugin registry check the file
const { rules = [] } = dealRules as unknown as RuleFile;

/**
 * Marks an open deal won: the workflow's open → won transition, through the engine, so its guard
 * and permission (`crm:deal:win`) apply and the deal's hooks set probability 1 and `closedAt` and
 * emit `crm.deal.won`; the same write as `POST /deals/{id}/transition` with `{ "to": "won" }`.
 *
 * The rules are checked on the won deal first: the transition's guard holds the same condition as
 * `won-needs-amount` but can only say "the condition does not hold" about `/status`, where the
 * rule names the field to fix and why (`/body/amount`: "A won deal needs a value greater than zero").
 *
 * @throws {DomainError} 404 no such deal; 409 `TRANSITION_NOT_ALLOWED` when it is not open;
 *   422 `RULE_FAILED`
 *
 * @example
 * const deal = await winDeal(ctx, dealId); // { status: 'won', probability: 1, closedAt: '…' }
 */
export async function winDeal(ctx: ActionContext, dealId: string): Promise<Deal> {
  const deals = crm.resource(ctx, 'deal');
  const deal = await deals.get(dealId);
  if (deal.status === 'open') {
    const now = new Date().toISOString();
    const won = { ...deal, status: 'won', probability: 1, closedAt: now };
    const issues = evaluateRules(rules, won, {
      $now: now,
      $previous: deal,
      $user: ctx.userId === undefined ? {} : { id: ctx.userId },
    });
    if (issues.length > 0) {
      throw new DomainError('RULE_FAILED', issues[0]?.message ?? 'A rule failed', {
        issues: issues.map((issue) => ({ ...issue, path: `/body${issue.path}` })),
      });
    }
  }
  return inRequest('/body', () => deals.transition(dealId, 'won'));
}

/**
 * Marks an open deal lost with its reason, in the action's transaction: stores `lostReason`, then
 * takes the open → lost transition (whose guard reads the reason from the stored record, which is
 * why the transition body alone cannot do it). The hooks set probability 0 and `closedAt` and emit
 * `crm.deal.lost`. Two versions, one transaction: both or neither.
 *
 * @throws {DomainError} 404 no such deal; 409 `TRANSITION_NOT_ALLOWED` when it is not open; 422 a rule
 *
 * @example
 * const deal = await loseDeal(ctx, dealId, { lostReason: 'Went with a competitor' });
 */
export async function loseDeal(
  ctx: ActionContext,
  dealId: string,
  body: LoseDealData['body'],
): Promise<Deal> {
  const deals = crm.resource(ctx, 'deal');
  const deal = await deals.get(dealId);
  if (deal.status === 'open' && deal.lostReason !== body.lostReason) {
    await inRequest('/body', () => deals.update(dealId, { lostReason: body.lostReason }));
  }
  return inRequest('/body', () => deals.transition(dealId, 'lost'));
}
