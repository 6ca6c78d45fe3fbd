import { describe, expect, it } from 'vitest';
import { promotionConditionIssues } from './promotion-condition-issues.js';

describe('promotionConditionIssues', () => {
  it('accepts conditions over the cart facts, lines included', () => {
    expect(promotionConditionIssues({ '>=': [{ var: 'subtotal' }, 5000] }, '/condition')).toEqual([]);
    expect(
      promotionConditionIssues(
        {
          and: [
            { in: ['shirts', { var: 'categoryIds' }] },
            { some: [{ var: 'lines' }, { '>=': [{ var: 'quantity' }, 3] }] },
            { '==': [{ var: 'lines.0.productId' }, 'p1'] },
          ],
        },
        '/condition',
      ),
    ).toEqual([]);
  });

  it('names an unknown fact and an unknown operator at their pointers', () => {
    expect(
      promotionConditionIssues(
        { and: [{ '>': [{ var: 'total' }, 0] }, { method: ['x', 'toString'] }] },
        '/body/condition',
      ),
    ).toEqual([
      {
        path: '/body/condition/and/1/method',
        code: 'UNKNOWN_OPERATOR',
        message: expect.stringContaining('"method"'),
      },
      {
        path: '/body/condition/and/0/>/0/var',
        code: 'UNKNOWN_FACT',
        message: expect.stringContaining('"total"'),
      },
    ]);
  });
});
