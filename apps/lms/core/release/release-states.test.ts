import { describe, expect, it } from 'vitest';
import { assertReleased, type ProgressFacts, type ReleaseOutline, releaseStates } from './release-states.js';

const progress: ProgressFacts = {
  completed: [],
  enrolledAt: '2026-03-01T08:00:00Z',
  now: '2026-03-01T09:00:00Z',
};
const stateOf = (outline: ReleaseOutline, facts: ProgressFacts, id: string) =>
  releaseStates(outline, facts).find((s) => s.itemId === id);

describe('releaseStates', () => {
  it('opens an item without conditions', () => {
    expect(releaseStates({ items: [{ id: 'a' }] }, progress)).toEqual([
      { itemId: 'a', locked: false, reasons: [] },
    ]);
  });

  it('prerequisite: locked until every listed item is completed, naming the missing ones', () => {
    const outline: ReleaseOutline = {
      items: [
        { id: 'intro', title: 'Introduction' },
        { id: 'basics', title: 'Basics' },
        { id: 'quiz', conditions: [{ kind: 'prerequisite', itemIds: ['intro', 'basics', 'course-101'] }] },
      ],
      titles: { 'course-101': 'Course 101' },
    };
    expect(stateOf(outline, { ...progress, completed: ['basics'] }, 'quiz')).toEqual({
      itemId: 'quiz',
      locked: true,
      reasons: [{ key: 'prerequisite', params: { items: ['Introduction', 'Course 101'] } }],
    });
    expect(
      stateOf(outline, { ...progress, completed: ['basics', 'intro', 'course-101'] }, 'quiz')?.locked,
    ).toBe(false);
  });

  it('prerequisite with a minimum grade: locked until the grade reaches it, whatever the id looks like', () => {
    const outline: ReleaseOutline = {
      items: [
        { id: 'quiz.v1', title: 'Quiz 1' },
        { id: 'part-2', conditions: [{ kind: 'prerequisite', itemIds: ['quiz.v1'], minPercent: 80 }] },
      ],
    };
    const reasons = [{ key: 'prerequisiteGrade', params: { item: 'Quiz 1', percent: 80 } }];
    expect(stateOf(outline, progress, 'part-2')?.reasons).toEqual(reasons);
    expect(stateOf(outline, { ...progress, grades: { 'quiz.v1': 79.99 } }, 'part-2')?.reasons).toEqual(
      reasons,
    );
    expect(stateOf(outline, { ...progress, grades: { 'quiz.v1': 80 } }, 'part-2')?.locked).toBe(false);
  });

  it('drip from enrolment: opens the given days after it, to the millisecond', () => {
    const outline: ReleaseOutline = {
      items: [{ id: 'week-2', conditions: [{ kind: 'drip', from: 'enrolment', days: 7 }] }],
    };
    expect(stateOf(outline, progress, 'week-2')?.reasons).toEqual([
      { key: 'drip', params: { date: '2026-03-08T08:00:00.000Z', days: 7 } },
    ]);
    expect(stateOf(outline, { ...progress, now: '2026-03-08T07:59:59.999Z' }, 'week-2')?.locked).toBe(true);
    expect(stateOf(outline, { ...progress, now: '2026-03-08T08:00:00Z' }, 'week-2')?.locked).toBe(false);
  });

  it('drip from the cohort start, or from the enrolment for a learner without a cohort', () => {
    const outline: ReleaseOutline = {
      items: [{ id: 'w3', conditions: [{ kind: 'drip', from: 'cohort', days: 14 }] }],
    };
    const cohort = { ...progress, cohortStartAt: '2026-04-01T00:00:00Z', now: '2026-04-10T00:00:00Z' };
    expect(stateOf(outline, cohort, 'w3')?.reasons).toEqual([
      { key: 'dripCohort', params: { date: '2026-04-15T00:00:00.000Z', days: 14 } },
    ]);
    expect(stateOf(outline, { ...cohort, now: '2026-04-15T00:00:00Z' }, 'w3')?.locked).toBe(false);
    expect(stateOf(outline, { ...progress, now: '2026-03-15T08:00:00Z' }, 'w3')?.locked).toBe(false);
    expect(stateOf(outline, progress, 'w3')?.reasons[0]?.key).toBe('drip');
  });

  it('sequential: each item needs its previous sibling; a locked section locks its lessons', () => {
    const outline: ReleaseOutline = {
      sequential: true,
      items: [
        { id: 's1', title: 'Section 1' },
        { id: 'l1', title: 'Lesson 1', parentId: 's1' },
        { id: 'l2', title: 'Lesson 2', parentId: 's1' },
        { id: 's2', title: 'Section 2' },
        { id: 'l3', title: 'Lesson 3', parentId: 's2' },
      ],
    };
    const states = releaseStates(outline, { ...progress, completed: ['l1'] });
    expect(states.map((s) => [s.itemId, s.reasons])).toEqual([
      ['s1', []],
      ['l1', []],
      ['l2', []],
      ['s2', [{ key: 'sequential', params: { item: 'Section 1' } }]],
      ['l3', [{ key: 'parentLocked', params: { item: 'Section 2' } }]],
    ]);
    expect(stateOf(outline, { ...progress, completed: ['s1'] }, 'l2')?.reasons).toEqual([
      { key: 'sequential', params: { item: 'Lesson 1' } },
    ]);
    expect(stateOf(outline, { ...progress, completed: ['l1', 's1'] }, 'l3')?.locked).toBe(false);
  });

  it('gives every reason of an item at once', () => {
    const outline: ReleaseOutline = {
      items: [
        { id: 'a' },
        {
          id: 'b',
          conditions: [
            { kind: 'prerequisite', itemIds: ['a'] },
            { kind: 'drip', from: 'enrolment', days: 1 },
          ],
        },
      ],
    };
    expect(stateOf(outline, progress, 'b')?.reasons.map((r) => r.key)).toEqual(['prerequisite', 'drip']);
  });

  it('refuses malformed outlines, conditions and facts with their path', () => {
    const cases: [ReleaseOutline, ProgressFacts, string, string][] = [
      [{ items: [{ id: 'a' }, { id: 'a' }] }, progress, 'bad-rule', '/items/1/id'],
      [{ items: [{ id: 'a', parentId: 'b' }, { id: 'b' }] }, progress, 'bad-rule', '/items/0/parentId'],
      [
        { items: [{ id: 'a', conditions: [{ kind: 'prerequisite', itemIds: [] }] }] },
        progress,
        'bad-rule',
        '/items/0/conditions/0/itemIds',
      ],
      [
        { items: [{ id: 'a', conditions: [{ kind: 'prerequisite', itemIds: ['b'], minPercent: 101 }] }] },
        progress,
        'bad-rule',
        '/items/0/conditions/0/minPercent',
      ],
      [
        { items: [{ id: 'a', conditions: [{ kind: 'drip', from: 'enrolment', days: 1.5 }] }] },
        progress,
        'bad-rule',
        '/items/0/conditions/0/days',
      ],
      [
        { items: [{ id: 'a', conditions: [{ kind: 'drip', from: 'today', days: 1 } as never] }] },
        progress,
        'bad-rule',
        '/items/0/conditions/0/from',
      ],
      [
        { items: [{ id: 'a', conditions: [{ kind: 'date' } as never] }] },
        progress,
        'bad-rule',
        '/items/0/conditions/0/kind',
      ],
      [{ items: [] }, { ...progress, now: 'later' }, 'bad-facts', '/now'],
      [{ items: [] }, { ...progress, completed: [1] as never }, 'bad-facts', '/completed'],
      [{ items: [] }, { ...progress, grades: { q: -1 } }, 'bad-facts', '/grades/q'],
    ];
    for (const [outline, facts, code, path] of cases) {
      expect(() => releaseStates(outline, facts), path).toThrow(
        expect.objectContaining({ name: 'ReleaseError', code, path }),
      );
    }
  });
});

describe('assertReleased', () => {
  const outline: ReleaseOutline = {
    items: [{ id: 'intro' }, { id: 'quiz', conditions: [{ kind: 'prerequisite', itemIds: ['intro'] }] }],
  };

  it('refuses an action on a locked item with its reasons, and lets an open one pass', () => {
    expect(() => assertReleased(outline, progress, 'quiz', '/quizId')).toThrow(
      expect.objectContaining({
        code: 'item-locked',
        path: '/quizId',
        reasons: [{ key: 'prerequisite', params: { items: ['intro'] } }],
      }),
    );
    expect(() =>
      assertReleased(outline, { ...progress, completed: ['intro'] }, 'quiz', '/quizId'),
    ).not.toThrow();
    expect(() => assertReleased(outline, progress, 'nope', '/quizId')).toThrow(
      expect.objectContaining({ code: 'bad-rule' }),
    );
  });
});
