import { beforeAll, describe, expect, it } from 'vitest';
import { checkTransition } from './check-transition.js';
import type { EntityPlan } from './entity-plan.js';
import { salesPlans } from './sales-engine.test-helper.js';

let opportunity: EntityPlan;
let account: EntityPlan;
beforeAll(async () => {
  ({ opportunity, account } = await salesPlans());
});

const all = new Set(['*']);

describe('checkTransition', () => {
  it('takes an allowed transition whose guard holds', () => {
    expect(checkTransition(opportunity, { status: 'open', amount: 10 }, 'won', all)).toMatchObject({
      from: 'open',
      to: 'won',
    });
  });

  it('answers 409 when no transition leads there', () => {
    expect(() => checkTransition(opportunity, { status: 'won' }, 'lost', all)).toThrow(
      expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED', status: 409 }),
    );
    expect(() => checkTransition(opportunity, { status: 'open' }, 'open', all)).toThrow(
      expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED' }),
    );
    expect(() => checkTransition(account, {}, 'x', all)).toThrow(
      expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED' }),
    );
  });

  it('answers 422 when the guard does not hold', () => {
    expect(() => checkTransition(opportunity, { status: 'open', amount: 0 }, 'won', all)).toThrow(
      expect.objectContaining({
        code: 'TRANSITION_GUARD_FAILED',
        status: 422,
        issues: [expect.objectContaining({ path: '/status' })],
      }),
    );
    expect(() => checkTransition(opportunity, { status: 'open' }, 'lost', all)).toThrow(
      expect.objectContaining({ code: 'TRANSITION_GUARD_FAILED' }),
    );
  });

  it('answers 403 without the transition’s permission, before looking at the guard', () => {
    const member = new Set(['sales:opportunity:update']);
    expect(() => checkTransition(opportunity, { status: 'won' }, 'open', member)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', status: 403 }),
    );
    expect(
      checkTransition(opportunity, { status: 'won' }, 'open', new Set(['sales:opportunity:reopen'])).to,
    ).toBe('open');
    expect(checkTransition(opportunity, { status: 'lost' }, 'open', new Set(['sales:*'])).to).toBe('open');
  });
});
