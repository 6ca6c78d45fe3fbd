import type { PluginContext } from '@codexion/framework/plugins';
import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  cohorts,
  courses,
  enrollments,
  lessonProgress,
  lessons,
  sections,
} from '../../core/generated/tables.js';
import type { ReleaseCondition } from '../../core/release/release-logic.js';
import {
  type LockedReason,
  type ProgressFacts,
  type ReleaseItem,
  type ReleaseOutline,
  type ReleaseState,
  releaseStates,
} from '../../core/release/release-states.js';
import { lms } from '../lms.js';

type Ctx = Pick<PluginContext, 'tx' | 'tenantId' | 'userId'>;
type CourseRow = typeof courses.$inferSelect;
type EnrollmentRow = typeof enrollments.$inferSelect;

/** A live course of the tenant, or undefined. */
export async function courseOf(ctx: Ctx, courseId: string): Promise<CourseRow | undefined> {
  const [course] = await ctx.tx
    .select()
    .from(courses)
    .where(and(eq(courses.tenantId, ctx.tenantId), eq(courses.id, courseId)));
  return course === undefined || course.deletedAt !== null ? undefined : course;
}

/**
 * The caller's active learner enrolment in a published course: what a learner needs to start an
 * attempt, submit work or record progress. Answers the refusal a learner should see otherwise.
 *
 * @throws 403 NOT_ENROLLED (no signed-in user, or no active enrolment), 409 COURSE_NOT_PUBLISHED
 */
export async function requireLearner(
  ctx: Ctx,
  courseId: string,
): Promise<{ course: CourseRow; enrollment: EnrollmentRow }> {
  const course = await courseOf(ctx, courseId);
  if (course === undefined || ctx.userId === undefined)
    throw lms.error('NOT_ENROLLED', 'Only a signed-in learner enrolled in the course can do this');
  if (course.status !== 'published')
    throw lms.error('COURSE_NOT_PUBLISHED', `The course "${course.title}" is not published`);
  const [enrollment] = await ctx.tx
    .select()
    .from(enrollments)
    .where(
      and(
        eq(enrollments.tenantId, ctx.tenantId),
        eq(enrollments.courseId, courseId),
        eq(enrollments.userId, ctx.userId),
      ),
    );
  if (enrollment === undefined || enrollment.status === 'dropped')
    throw lms.error('NOT_ENROLLED', `You are not enrolled in "${course.title}"`);
  return { course, enrollment };
}

type LessonRow = typeof lessons.$inferSelect;

/** The stored conditions, as the schema validated them on write (a jsonb column reads `unknown`). */
function conditionsOf(stored: unknown): ReleaseCondition[] {
  return Array.isArray(stored) ? (stored as ReleaseCondition[]) : [];
}

/**
 * The course's outline for release (`core/release/release-states.ts`): the course itself first
 * (its conditions name other courses), then each section by rank and its lessons by rank, each
 * under its parent, so a locked course or section locks what is in it.
 */
export async function releaseOutline(
  ctx: Ctx,
  course: CourseRow,
): Promise<{ outline: ReleaseOutline; lessons: LessonRow[]; sectionIds: Map<string, string[]> }> {
  const sectionRows = await ctx.tx
    .select()
    .from(sections)
    .where(and(eq(sections.tenantId, ctx.tenantId), eq(sections.courseId, course.id)))
    .orderBy(asc(sections.rank), asc(sections.id));
  const lessonRows = await ctx.tx
    .select()
    .from(lessons)
    .where(and(eq(lessons.tenantId, ctx.tenantId), eq(lessons.courseId, course.id)))
    .orderBy(asc(lessons.rank), asc(lessons.id));
  const items: ReleaseItem[] = [
    { id: course.id, title: course.title, conditions: conditionsOf(course.releaseConditions) },
  ];
  const ordered: LessonRow[] = [];
  const sectionIds = new Map<string, string[]>();
  for (const section of sectionRows) {
    items.push({
      id: section.id,
      title: section.title,
      parentId: course.id,
      conditions: conditionsOf(section.releaseConditions),
    });
    const inSection = lessonRows.filter((lesson) => lesson.sectionId === section.id);
    sectionIds.set(
      section.id,
      inSection.map((lesson) => lesson.id),
    );
    for (const lesson of inSection) {
      items.push({
        id: lesson.id,
        title: lesson.title,
        parentId: section.id,
        conditions: conditionsOf(lesson.releaseConditions),
      });
      ordered.push(lesson);
    }
  }
  // prerequisites may name other courses: their titles, for the reasons a learner reads
  const inOutline = new Set(items.map((item) => item.id));
  const outside = [
    ...new Set(
      items.flatMap((item) =>
        (item.conditions ?? []).flatMap((c) => (c.kind === 'prerequisite' ? c.itemIds : [])),
      ),
    ),
  ].filter((id) => !inOutline.has(id));
  const named =
    outside.length === 0
      ? []
      : await ctx.tx
          .select({ id: courses.id, title: courses.title })
          .from(courses)
          .where(and(eq(courses.tenantId, ctx.tenantId), inArray(courses.id, outside)));
  const titles = Object.fromEntries(named.map((row) => [row.id, row.title]));
  return { outline: { items, sequential: course.sequential, titles }, lessons: ordered, sectionIds };
}

/**
 * The learner's progress facts in the course at `now`: completed lessons, the sections whose every
 * lesson is completed, the other courses they completed; their enrolment and cohort start.
 */
export async function progressFacts(
  ctx: Ctx,
  enrollment: EnrollmentRow,
  sectionIds: ReadonlyMap<string, readonly string[]>,
  now: string,
): Promise<ProgressFacts> {
  const done = await ctx.tx
    .select({ lessonId: lessonProgress.lessonId })
    .from(lessonProgress)
    .where(
      and(
        eq(lessonProgress.tenantId, ctx.tenantId),
        eq(lessonProgress.courseId, enrollment.courseId),
        eq(lessonProgress.learnerId, enrollment.userId),
      ),
    );
  const courses = await ctx.tx
    .select({ courseId: enrollments.courseId })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.tenantId, ctx.tenantId),
        eq(enrollments.userId, enrollment.userId),
        eq(enrollments.status, 'completed'),
      ),
    );
  let cohortStartAt: string | null = null;
  if (enrollment.cohortId !== null) {
    const [cohort] = await ctx.tx
      .select({ startDate: cohorts.startDate })
      .from(cohorts)
      .where(and(eq(cohorts.tenantId, ctx.tenantId), eq(cohorts.id, enrollment.cohortId)));
    if (cohort !== undefined) cohortStartAt = `${cohort.startDate}T00:00:00.000Z`;
  }
  const lessonsDone = new Set(done.map((row) => row.lessonId));
  const sectionsDone = [...sectionIds]
    .filter(([, ids]) => ids.every((id) => lessonsDone.has(id)))
    .map(([id]) => id);
  return {
    completed: [...lessonsDone, ...sectionsDone, ...courses.map((row) => row.courseId)],
    enrolledAt: new Date(enrollment.enrolledAt ?? enrollment.createdAt).toISOString(),
    cohortStartAt,
    now,
  };
}

/**
 * Each outline item's release state for the learner now (course, sections, lessons): staff
 * enrolments (instructors, assistants) see everything open.
 */
export async function learnerReleaseStates(
  ctx: Ctx,
  course: CourseRow,
  enrollment: EnrollmentRow,
): Promise<{
  states: Map<string, ReleaseState>;
  parents: Map<string, string>;
  lessons: LessonRow[];
  completed: Set<string>;
}> {
  const { outline, lessons: ordered, sectionIds } = await releaseOutline(ctx, course);
  const facts = await progressFacts(ctx, enrollment, sectionIds, new Date().toISOString());
  const open = (itemId: string): ReleaseState => ({ itemId, locked: false, reasons: [] });
  const states =
    enrollment.role === 'learner'
      ? releaseStates(outline, facts)
      : outline.items.map((item) => open(item.id));
  return {
    states: new Map(states.map((state) => [state.itemId, state])),
    parents: new Map(
      outline.items.flatMap((item) => (item.parentId == null ? [] : [[item.id, item.parentId]])),
    ),
    lessons: ordered,
    completed: new Set(facts.completed),
  };
}

/**
 * Refuses work on a locked item: the lessons that carry it (a quiz or an assignment may sit in
 * several; one released is enough) must be released to the learner. An item no lesson carries is
 * governed by the course's own conditions.
 *
 * @throws 409 ITEM_LOCKED, its `reasons` extension naming each unmet condition (message keys of
 *   `core/release/release-messages.json` and their parameters)
 */
export async function requireReleased(
  ctx: Ctx,
  course: CourseRow,
  enrollment: EnrollmentRow,
  carriers: readonly string[],
  what: string,
): Promise<void> {
  const { states, parents } = await learnerReleaseStates(ctx, course, enrollment);
  const relevant = (carriers.length > 0 ? carriers : [course.id]).map(
    (id) => states.get(id) ?? { itemId: id, locked: true, reasons: [] },
  );
  if (relevant.some((state) => !state.locked)) return;
  // a lesson in a locked section says so, and then what the section waits for
  const reasons: LockedReason[] = [];
  for (let id = relevant[0]?.itemId; id !== undefined; id = parents.get(id)) {
    const state = states.get(id);
    if (state?.locked === true) reasons.push(...state.reasons);
  }
  throw lms.error('ITEM_LOCKED', `${what} is locked: its release conditions are not met yet`, {
    extensions: { reasons },
  });
}

/** The lessons that carry a quiz or an assignment. */
export async function carriersOf(
  ctx: Ctx,
  item: { quizId: string } | { assignmentId: string },
): Promise<string[]> {
  const rows = await ctx.tx
    .select({ id: lessons.id })
    .from(lessons)
    .where(
      and(
        eq(lessons.tenantId, ctx.tenantId),
        'quizId' in item ? eq(lessons.quizId, item.quizId) : eq(lessons.assignmentId, item.assignmentId),
      ),
    );
  return rows.map((row) => row.id);
}

/**
 * The checks every learner's write shares (a submission, an attempt, progress): a signed-in learner
 * enrolled in the published course, writing for themselves, on an item released to them.
 *
 * @throws 403 NOT_ENROLLED, 409 COURSE_NOT_PUBLISHED, 409 ITEM_LOCKED
 */
export async function requireLearnerOnReleased(
  ctx: Ctx,
  item: { courseId: string; learnerId: string | undefined; carriers: readonly string[]; what: string },
): Promise<{ course: CourseRow; enrollment: EnrollmentRow }> {
  const { course, enrollment } = await requireLearner(ctx, item.courseId);
  if (item.learnerId !== enrollment.userId)
    throw lms.error('NOT_ENROLLED', `${item.what} is done by the learner it belongs to`);
  await requireReleased(ctx, course, enrollment, item.carriers, item.what);
  return { course, enrollment };
}

/**
 * A learner's new record names its learner: the caller (a `prepare` hook; a later update keeps it).
 *
 * @example
 * lms.defineHooks('submission', { prepare: stampLearner, … })
 */
export function stampLearner<T extends { learnerId?: string }>(ctx: Ctx, input: T, previous: unknown): T {
  return previous === undefined ? { ...input, learnerId: ctx.userId ?? input.learnerId } : input;
}

/** How many rows of `table` meet `where` (a drizzle condition, the tenant's rows only under RLS). */
export async function countRows(ctx: Ctx, table: PgTable, where: SQL | undefined): Promise<number> {
  const [row] = await ctx.tx.select({ n: count() }).from(table).where(where);
  return Number(row?.n ?? 0);
}
