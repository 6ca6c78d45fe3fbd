import { describe, expect, it } from 'vitest';
import {
  completedSections,
  daysBetween,
  lessonLockReasons,
  type ProgressFacts,
  type ReleaseOutline,
  ruleLockReasons,
} from './lock-reasons.js';

const facts = (over: Partial<ProgressFacts> = {}): ProgressFacts => ({
  enrolledDays: 0,
  cohortDays: null,
  completedLessons: [],
  completedSections: [],
  completedCourses: [],
  ...over,
});

const outline: ReleaseOutline = {
  course: { id: 'c', sequential: false },
  sections: [{ id: 's-1' }, { id: 's-2', releaseRule: { in: ['s-1', { var: 'completedSections' }] } }],
  lessons: [
    { id: 'l-1', sectionId: 's-1' },
    { id: 'l-2', sectionId: 's-1', releaseRule: { '>=': [{ var: 'enrolledDays' }, 7] } },
    { id: 'l-3', sectionId: 's-2' },
  ],
};

describe('ruleLockReasons', () => {
  it('names a lesson, section or course prerequisite that is not met, and nothing once it is', () => {
    const rule = { in: ['l-1', { var: 'completedLessons' }] };
    expect(ruleLockReasons(rule, facts(), 'lesson')).toEqual([
      { code: 'prerequisite-lesson', scope: 'lesson', id: 'l-1' },
    ]);
    expect(ruleLockReasons(rule, facts({ completedLessons: ['l-1'] }), 'lesson')).toEqual([]);
    expect(ruleLockReasons({ in: ['py-1', { var: 'completedCourses' }] }, facts(), 'course')).toEqual([
      { code: 'prerequisite-course', scope: 'course', id: 'py-1' },
    ]);
  });

  it('names drip delays relative to the enrolment and to the cohort start', () => {
    expect(
      ruleLockReasons({ '>=': [{ var: 'enrolledDays' }, 7] }, facts({ enrolledDays: 6 }), 'lesson'),
    ).toEqual([{ code: 'drip-enrolment', scope: 'lesson', days: 7 }]);
    expect(
      ruleLockReasons({ '>=': [{ var: 'enrolledDays' }, 7] }, facts({ enrolledDays: 7 }), 'lesson'),
    ).toEqual([]);
    expect(
      ruleLockReasons({ '>': [{ var: 'cohortDays' }, 13] }, facts({ cohortDays: 3 }), 'section'),
    ).toEqual([{ code: 'drip-cohort', scope: 'section', days: 14 }]);
  });

  it('keeps a cohort rule locked for a learner without a cohort', () => {
    expect(ruleLockReasons({ '>=': [{ var: 'cohortDays' }, 0] }, facts(), 'lesson')).toHaveLength(1);
  });

  it('names each failing part of an and, and any other failing rule as rule', () => {
    const rule = {
      and: [{ in: ['l-1', { var: 'completedLessons' }] }, { '>=': [{ var: 'enrolledDays' }, 3] }],
    };
    expect(ruleLockReasons(rule, facts({ enrolledDays: 5 }), 'lesson')).toEqual([
      { code: 'prerequisite-lesson', scope: 'lesson', id: 'l-1' },
    ]);
    expect(ruleLockReasons({ '==': [1, 2] }, facts(), 'lesson')).toEqual([{ code: 'rule', scope: 'lesson' }]);
    expect(ruleLockReasons(null, facts(), 'lesson')).toEqual([]);
    expect(ruleLockReasons({}, facts(), 'lesson')).toEqual([]);
  });
});

describe('lessonLockReasons', () => {
  it('combines the section rule and the lesson rule', () => {
    expect(lessonLockReasons(outline, 'l-1', facts())).toEqual([]);
    expect(lessonLockReasons(outline, 'l-2', facts())).toEqual([
      { code: 'drip-enrolment', scope: 'lesson', days: 7 },
    ]);
    expect(lessonLockReasons(outline, 'l-3', facts())).toEqual([
      { code: 'prerequisite-section', scope: 'section', id: 's-1' },
    ]);
    expect(lessonLockReasons(outline, 'l-3', facts({ completedSections: ['s-1'] }))).toEqual([]);
  });

  it('asks for the lesson before in a sequential course, across sections', () => {
    const sequential = { ...outline, course: { id: 'c', sequential: true } };
    expect(lessonLockReasons(sequential, 'l-1', facts())).toEqual([]);
    expect(
      lessonLockReasons(sequential, 'l-3', facts({ completedSections: ['s-1'], completedLessons: ['l-1'] })),
    ).toEqual([{ code: 'sequential', scope: 'course', id: 'l-2' }]);
  });

  it('adds the course rule, and refuses a lesson not in the outline', () => {
    const gated = {
      ...outline,
      course: { id: 'c', sequential: false, releaseRule: { in: ['intro', { var: 'completedCourses' }] } },
    };
    expect(lessonLockReasons(gated, 'l-1', facts())).toEqual([
      { code: 'prerequisite-course', scope: 'course', id: 'intro' },
    ]);
    expect(lessonLockReasons(outline, 'nope', facts())).toEqual([
      { code: 'rule', scope: 'lesson', id: 'nope' },
    ]);
  });
});

describe('completedSections and daysBetween', () => {
  it('counts a section completed when all its lessons are', () => {
    expect(completedSections(outline, ['l-1'])).toEqual([]);
    expect(completedSections(outline, ['l-1', 'l-2'])).toEqual(['s-1']);
  });

  it('counts whole UTC days', () => {
    expect(daysBetween('2026-12-01', '2026-12-08T09:00:00Z')).toBe(7);
    expect(daysBetween('2026-12-01T23:59:00Z', '2026-12-02T00:01:00Z')).toBe(1);
    expect(daysBetween('2026-12-10', '2026-12-08')).toBe(-2);
  });
});
