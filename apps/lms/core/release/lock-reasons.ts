import { jsonLogic } from '@codexion/schema';

/**
 * What a release rule reads about one learner in one course: the facts of their progress. A rule
 * is JSON Logic over these names (`{ "in": ["<lessonId>", { "var": "completedLessons" }] }`,
 * `{ ">=": [{ "var": "enrolledDays" }, 7] }`), evaluated by this same code in the browser (the
 * course player shows why an item is locked) and on the server (which refuses locked items).
 */
export interface ProgressFacts {
  /** whole days since the learner's enrolment (0 on the day itself) */
  enrolledDays: number;
  /** whole days since their cohort's start date (negative before it); null without a cohort */
  cohortDays: number | null;
  /** the lessons of the course they completed */
  completedLessons: readonly string[];
  /** the sections of the course whose every lesson they completed */
  completedSections: readonly string[];
  /** other courses they completed */
  completedCourses: readonly string[];
}

/** Why an item is locked, in words the course player can translate. */
export interface LockReason {
  code:
    | 'prerequisite-lesson'
    | 'prerequisite-section'
    | 'prerequisite-course'
    | 'drip-enrolment'
    | 'drip-cohort'
    | 'sequential'
    | 'rule';
  /** whose rule it is: the course's, the lesson's section's, or the lesson's own */
  scope: 'course' | 'section' | 'lesson';
  /** the lesson, section or course still to complete */
  id?: string;
  /** the days a drip rule waits for */
  days?: number;
}

/** The part of a course's outline release needs, sections and lessons each in outline order. */
export interface ReleaseOutline {
  course: { id: string; sequential: boolean; releaseRule?: unknown };
  sections: readonly { id: string; releaseRule?: unknown }[];
  lessons: readonly { id: string; sectionId: string; releaseRule?: unknown }[];
}

type Scope = LockReason['scope'];

const listFacts: Record<string, LockReason['code']> = {
  completedLessons: 'prerequisite-lesson',
  completedSections: 'prerequisite-section',
  completedCourses: 'prerequisite-course',
};

const dayFacts: Record<string, LockReason['code']> = {
  enrolledDays: 'drip-enrolment',
  cohortDays: 'drip-cohort',
};

function varName(operand: unknown): string | undefined {
  if (operand === null || typeof operand !== 'object' || Array.isArray(operand)) return undefined;
  const name = (operand as { var?: unknown }).var;
  return typeof name === 'string' ? name : undefined;
}

/** Names a failing condition when it has a known shape: a prerequisite or a drip delay. */
function describe(condition: unknown, scope: Scope): LockReason {
  if (condition !== null && typeof condition === 'object' && !Array.isArray(condition)) {
    const [operator] = Object.keys(condition);
    const args = (condition as Record<string, unknown>)[operator ?? ''];
    if (Array.isArray(args) && args.length === 2) {
      const [left, right] = args as [unknown, unknown];
      const list = varName(right);
      if (
        operator === 'in' &&
        typeof left === 'string' &&
        list !== undefined &&
        listFacts[list] !== undefined
      )
        return { code: listFacts[list], scope, id: left };
      const days = varName(left);
      if ((operator === '>=' || operator === '>') && days !== undefined && typeof right === 'number') {
        const code = dayFacts[days];
        if (code !== undefined) return { code, scope, days: operator === '>' ? right + 1 : right };
      }
    }
  }
  return { code: 'rule', scope };
}

function holds(rule: unknown, facts: ProgressFacts): boolean {
  // no cohort: JSON Logic would compare null as 0 (`null >= 0`); NaN meets no comparison
  const data = { ...facts, cohortDays: facts.cohortDays ?? Number.NaN };
  return jsonLogic.truthy(jsonLogic.apply(rule as never, data as never));
}

/**
 * The reasons one rule keeps an item locked: none when it holds. The conditions of a top-level
 * `and` are named one by one (each failing one a reason), so "complete Lesson 2 and wait 7 days"
 * shows both parts until each is met.
 *
 * @example
 * ruleLockReasons({ in: ['l-2', { var: 'completedLessons' }] }, facts, 'lesson')
 * // [{ code: 'prerequisite-lesson', scope: 'lesson', id: 'l-2' }]
 */
export function ruleLockReasons(rule: unknown, facts: ProgressFacts, scope: Scope): LockReason[] {
  // no rule, or an empty one: released
  if (rule === null || typeof rule !== 'object' || Object.keys(rule).length === 0) return [];
  if (holds(rule, facts)) return [];
  const parts = (rule as { and?: unknown }).and;
  if (Array.isArray(parts) && Object.keys(rule).length === 1)
    return parts.filter((part) => !holds(part, facts)).map((part) => describe(part, scope));
  return [describe(rule, scope)];
}

/**
 * Why a lesson is locked for a learner: the course's rule, its section's, its own, and with a
 * sequential course the lesson before it (in outline order) not yet completed. An empty list
 * means released. A lesson not in the outline is refused as `rule`.
 *
 * @example
 * lessonLockReasons(outline, lessonId, facts) // [] or [{ code: 'sequential', scope: 'course', id: previousLessonId }]
 */
export function lessonLockReasons(
  outline: ReleaseOutline,
  lessonId: string,
  facts: ProgressFacts,
): LockReason[] {
  const index = outline.lessons.findIndex((lesson) => lesson.id === lessonId);
  const lesson = outline.lessons[index];
  if (lesson === undefined) return [{ code: 'rule', scope: 'lesson', id: lessonId }];
  const section = outline.sections.find((candidate) => candidate.id === lesson.sectionId);
  const reasons = [
    ...ruleLockReasons(outline.course.releaseRule, facts, 'course'),
    ...ruleLockReasons(section?.releaseRule, facts, 'section'),
    ...ruleLockReasons(lesson.releaseRule, facts, 'lesson'),
  ];
  const previous = outline.lessons[index - 1];
  if (outline.course.sequential && previous !== undefined && !facts.completedLessons.includes(previous.id))
    reasons.push({ code: 'sequential', scope: 'course', id: previous.id });
  return reasons;
}

/**
 * The sections of the outline whose every lesson is in `completedLessons` (a section without
 * lessons counts as completed): the `completedSections` fact.
 *
 * @example
 * completedSections(outline, ['l-1', 'l-2']) // ['s-1']
 */
export function completedSections(outline: ReleaseOutline, completedLessons: readonly string[]): string[] {
  const done = new Set(completedLessons);
  return outline.sections
    .filter((section) =>
      outline.lessons.every((lesson) => lesson.sectionId !== section.id || done.has(lesson.id)),
    )
    .map((section) => section.id);
}

/**
 * Whole days from `from` to `to` (ISO dates or date-times, compared as UTC calendar days):
 * the `enrolledDays` and `cohortDays` facts.
 *
 * @example
 * daysBetween('2026-12-01', '2026-12-08T09:00:00Z') // 7
 */
export function daysBetween(from: string, to: string): number {
  const day = (iso: string) =>
    Math.floor(Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso) / 86_400_000);
  return day(to) - day(from);
}
