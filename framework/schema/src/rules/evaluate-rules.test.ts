import { describe, expect, it } from 'vitest';
import type { RuleDefinition } from '../model/app-model.js';
import { evaluateRules } from './evaluate-rules.js';

const rules: RuleDefinition[] = [
  {
    id: 'won-needs-amount',
    message: 'A won deal needs an amount greater than zero',
    path: '/amount',
    when: { '==': [{ var: 'status' }, 'won'] },
    assert: { '>': [{ var: 'amount' }, 0] },
  },
  {
    id: 'no-past-close',
    message: 'An open deal cannot expect to close in the past',
    path: '/expectedClose',
    when: { and: [{ '==': [{ var: 'status' }, 'open'] }, { '!!': [{ var: 'expectedClose' }] }] },
    assert: { '>=': [{ var: 'expectedClose' }, { var: '$today' }] },
  },
  {
    id: 'probability-range',
    message: 'Probability is between 0 and 1',
    path: '/probability',
    assert: { between: [{ var: 'probability' }, 0, 1] },
  },
];

describe('evaluateRules', () => {
  it('passes a valid record', () => {
    expect(evaluateRules(rules, { status: 'won', amount: 10, probability: 1 })).toEqual([]);
  });

  it('reports each failing rule in the one error shape', () => {
    expect(evaluateRules(rules, { status: 'won', amount: 0, probability: 1.5 })).toEqual([
      { path: '/amount', code: 'won-needs-amount', message: 'A won deal needs an amount greater than zero' },
      { path: '/probability', code: 'probability-range', message: 'Probability is between 0 and 1' },
    ]);
  });

  it('skips a rule whose when does not hold', () => {
    expect(evaluateRules(rules, { status: 'open', amount: 0, probability: 0 })).toEqual([]);
  });

  it('reads context variables such as $today', () => {
    const record = { status: 'open', expectedClose: '2026-11-01', probability: 0.5 };
    expect(evaluateRules(rules, record, { $today: '2026-11-23' }).map((i) => i.code)).toEqual([
      'no-past-close',
    ]);
    expect(evaluateRules(rules, record, { $today: '2026-10-01' })).toEqual([]);
  });

  it('does not let a record field shadow a context variable', () => {
    const record = { status: 'open', expectedClose: '2026-11-01', probability: 0.5, $today: '2000-01-01' };
    expect(evaluateRules(rules, record, { $today: '2026-11-23' }).map((i) => i.code)).toEqual([
      'no-past-close',
    ]);
  });
});
