import { jsonLogic } from '@codexion/schema';
import { describe, expect, it } from 'vitest';
import { conditionLogic, type ReleaseFacts } from './release-logic.js';

const facts: ReleaseFacts = {
  completed: ['intro'],
  graded: [{ id: 'quiz', percentBp: 8_000 }],
  enrolledAt: Date.parse('2026-03-01T00:00:00Z'),
  cohortStartAt: null,
  now: Date.parse('2026-03-05T00:00:00Z'),
};
const holds = (logic: unknown, data = facts) => jsonLogic.truthy(jsonLogic.apply(logic as never, data));

describe('conditionLogic', () => {
  it('is plain JSON Logic the rules evaluator runs, for each kind of condition', () => {
    expect(holds(conditionLogic({ kind: 'prerequisite', itemIds: ['intro'] }))).toBe(true);
    expect(holds(conditionLogic({ kind: 'prerequisite', itemIds: ['intro', 'basics'] }))).toBe(false);
    expect(holds(conditionLogic({ kind: 'prerequisite', itemIds: ['quiz'], minPercent: 80 }))).toBe(true);
    expect(holds(conditionLogic({ kind: 'prerequisite', itemIds: ['quiz'], minPercent: 80.01 }))).toBe(false);
    expect(holds(conditionLogic({ kind: 'drip', from: 'enrolment', days: 4 }))).toBe(true);
    expect(holds(conditionLogic({ kind: 'drip', from: 'enrolment', days: 5 }))).toBe(false);
    expect(holds(conditionLogic({ kind: 'drip', from: 'cohort', days: 4 }))).toBe(true);
    expect(
      holds(conditionLogic({ kind: 'drip', from: 'cohort', days: 4 }), {
        ...facts,
        cohortStartAt: facts.now,
      }),
    ).toBe(false);
    expect(JSON.parse(JSON.stringify(conditionLogic({ kind: 'drip', from: 'enrolment', days: 7 })))).toEqual({
      '>=': [{ var: 'now' }, { '+': [{ var: 'enrolledAt' }, 604_800_000] }],
    });
  });
});
