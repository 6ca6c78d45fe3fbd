import { referenceIssue, validationFailed } from '@codexion/framework/errors';
import type { ResourceHooks } from '@codexion/framework/plugins';
import { and, eq, sql } from 'drizzle-orm';
import type { LessonProgress } from '../../core/generated/client/types.gen.js';
import {
  enrollments,
  lessonProgress,
  lessons,
  quizAttempts,
  submissions,
} from '../../core/generated/tables.js';
import { type LmsEventOutbox, lms } from '../lms.js';
import { countRows, requireLearnerOnReleased, stampLearner } from '../services/learner-access.js';

/**
 * A learner records a lesson completed: their own, enrolled, the lesson released to them (409
 * ITEM_LOCKED with the reasons); a quiz lesson needs a submitted attempt and an assignment lesson
 * a submission first. The last lesson of the course completes the enrolment and announces it
 * (`lms.course.completed`).
 *
 * @example
 * lms.definePlugin({ …, hooks: { 'lesson-progress': lessonProgressHooks(lms.eventOutbox()) } })
 */
export function lessonProgressHooks(events: LmsEventOutbox): ResourceHooks<LessonProgress> {
  return lms.defineHooks('lesson-progress', {
    prepare: stampLearner,

    async beforeCreate(ctx, progress) {
      const [lesson] = await ctx.tx
        .select()
        .from(lessons)
        .where(and(eq(lessons.tenantId, ctx.tenantId), eq(lessons.id, progress.lessonId)));
      if (lesson === undefined) throw validationFailed([referenceIssue('/lessonId', 'lesson')]);
      const { enrollment } = await requireLearnerOnReleased(ctx, {
        courseId: lesson.courseId,
        learnerId: progress.learnerId,
        carriers: [lesson.id],
        what: `"${lesson.title}"`,
      });
      if (lesson.quizId !== null) {
        const done = await countRows(
          ctx,
          quizAttempts,
          and(
            eq(quizAttempts.tenantId, ctx.tenantId),
            eq(quizAttempts.quizId, lesson.quizId),
            eq(quizAttempts.learnerId, enrollment.userId),
            eq(quizAttempts.status, 'submitted'),
          ),
        );
        if (done === 0)
          throw validationFailed([
            {
              path: '/lessonId',
              code: 'quiz-not-taken',
              message: "submit an attempt at the lesson's quiz first",
            },
          ]);
      }
      if (lesson.assignmentId !== null) {
        const done = await countRows(
          ctx,
          submissions,
          and(
            eq(submissions.tenantId, ctx.tenantId),
            eq(submissions.assignmentId, lesson.assignmentId),
            eq(submissions.learnerId, enrollment.userId),
          ),
        );
        if (done === 0)
          throw validationFailed([
            {
              path: '/lessonId',
              code: 'assignment-not-submitted',
              message: "submit the lesson's assignment first",
            },
          ]);
      }
      return { ...progress, courseId: lesson.courseId, completedAt: new Date().toISOString() };
    },

    async afterCreate(ctx, progress) {
      const { courseId, learnerId } = progress;
      // both set by beforeCreate; a record without them completes nothing
      if (courseId === undefined || learnerId === undefined) return;
      const total = await countRows(
        ctx,
        lessons,
        and(eq(lessons.tenantId, ctx.tenantId), eq(lessons.courseId, courseId)),
      );
      const done = await countRows(
        ctx,
        lessonProgress,
        and(
          eq(lessonProgress.tenantId, ctx.tenantId),
          eq(lessonProgress.courseId, courseId),
          eq(lessonProgress.learnerId, learnerId),
        ),
      );
      if (done < total) return;
      // the enrolment's completion is the server's own bookkeeping, not a member's write
      const [enrollment] = await ctx.tx
        .update(enrollments)
        .set({
          status: 'completed',
          completedAt: new Date().toISOString(),
          updatedAt: new Date().toISOString(),
          version: sql`${enrollments.version} + 1`,
        })
        .where(
          and(
            eq(enrollments.tenantId, ctx.tenantId),
            eq(enrollments.courseId, courseId),
            eq(enrollments.userId, learnerId),
            eq(enrollments.status, 'active'),
          ),
        )
        .returning({ id: enrollments.id });
      if (enrollment === undefined) return;
      ctx.defer(() =>
        events.emit(ctx, 'lms.course.completed', {
          courseId: courseId,
          learnerId: learnerId,
          enrollmentId: enrollment.id,
        }),
      );
    },
  });
}
