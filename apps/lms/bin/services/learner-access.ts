import type { PluginContext } from '@codexion/framework/plugins';
import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  cohorts,
  courses,
  enrollments,
  lessonProgress,
  lessons,
  sections,
} from '../../core/generated/tables.js';
import {
  completedSections,
  daysBetween,
  type LockReason,
  lessonLockReasons,
  type ProgressFacts,
  type ReleaseOutline,
  ruleLockReasons,
} from '../../core/release/lock-reasons.js';
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

/** The course's outline in order (sections by rank, lessons by rank within them), for release. */
export async function releaseOutline(
  ctx: Ctx,
  course: CourseRow,
): Promise<ReleaseOutline & { lessonRows: (typeof lessons.$inferSelect)[] }> {
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
  const order = new Map(sectionRows.map((section, index) => [section.id, index]));
  const ordered = [...lessonRows].sort(
    (a, b) => (order.get(a.sectionId) ?? 0) - (order.get(b.sectionId) ?? 0),
  );
  return {
    course: { id: course.id, sequential: course.sequential, releaseRule: course.releaseRule },
    sections: sectionRows.map((section) => ({ id: section.id, releaseRule: section.releaseRule })),
    lessons: ordered.map((lesson) => ({
      id: lesson.id,
      sectionId: lesson.sectionId,
      releaseRule: lesson.releaseRule,
    })),
    lessonRows: ordered,
  };
}

/** The learner's progress facts in the course, as release rules read them, at `now`. */
export async function progressFacts(
  ctx: Ctx,
  enrollment: EnrollmentRow,
  outline: ReleaseOutline,
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
  const completedCourses = await ctx.tx
    .select({ courseId: enrollments.courseId })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.tenantId, ctx.tenantId),
        eq(enrollments.userId, enrollment.userId),
        eq(enrollments.status, 'completed'),
      ),
    );
  let cohortDays: number | null = null;
  if (enrollment.cohortId !== null) {
    const [cohort] = await ctx.tx
      .select({ startDate: cohorts.startDate })
      .from(cohorts)
      .where(and(eq(cohorts.tenantId, ctx.tenantId), eq(cohorts.id, enrollment.cohortId)));
    if (cohort !== undefined) cohortDays = daysBetween(cohort.startDate, now);
  }
  const completedLessons = done.map((row) => row.lessonId);
  return {
    enrolledDays: daysBetween(enrollment.enrolledAt ?? enrollment.createdAt, now),
    cohortDays,
    completedLessons,
    completedSections: completedSections(outline, completedLessons),
    completedCourses: completedCourses.map((row) => row.courseId),
  };
}

/**
 * Refuses work on a locked item: the lessons that carry it (a quiz or an assignment may sit in
 * several; one released is enough) must be released to the learner. An item no lesson carries is
 * governed by the course's own rule only.
 *
 * @throws 409 ITEM_LOCKED, its `reasons` extension naming each unmet condition
 */
export async function requireReleased(
  ctx: Ctx,
  course: CourseRow,
  enrollment: EnrollmentRow,
  carriers: readonly string[],
  what: string,
): Promise<void> {
  if (enrollment.role !== 'learner') return;
  const outline = await releaseOutline(ctx, course);
  const facts = await progressFacts(ctx, enrollment, outline, new Date().toISOString());
  const reasons: LockReason[][] =
    carriers.length > 0
      ? carriers.map((id) => lessonLockReasons(outline, id, facts))
      : [ruleLockReasons(course.releaseRule, facts, 'course')];
  if (reasons.some((list) => list.length === 0)) return;
  throw lms.error('ITEM_LOCKED', `${what} is locked: its release conditions are not met yet`, {
    extensions: { reasons: reasons[0] ?? [] },
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
