import { validationFailed } from '@codexion/framework/errors';
import type { Draft, HookContext, ResourceHooks } from '@codexion/framework/plugins';
import { and, eq } from 'drizzle-orm';
import type { Enrollment } from '../../core/generated/client/types.gen.js';
import { cohorts } from '../../core/generated/tables.js';
import { type LmsEventOutbox, lms } from '../lms.js';

/**
 * An enrolment's cohort belongs to its course; the enrolment is stamped with its time and
 * announced (`lms.enrollment.created`) once written. Who may enrol whom is the record policy's
 * (members only themselves, as learners, with a key: `rules/enrollment.rules.json`).
 *
 * @example
 * lms.definePlugin({ …, hooks: { enrollment: enrollmentHooks(lms.eventOutbox()) } })
 */
export function enrollmentHooks(events: LmsEventOutbox): ResourceHooks<Enrollment> {
  async function checkCohort(ctx: HookContext, enrollment: Draft<Enrollment>) {
    if (enrollment.cohortId == null) return;
    const [cohort] = await ctx.tx
      .select({ courseId: cohorts.courseId })
      .from(cohorts)
      .where(and(eq(cohorts.tenantId, ctx.tenantId), eq(cohorts.id, enrollment.cohortId)));
    if (cohort !== undefined && cohort.courseId !== enrollment.courseId)
      throw validationFailed([
        { path: '/cohortId', code: 'cohort-course', message: 'the cohort belongs to another course' },
      ]);
  }
  return lms.defineHooks('enrollment', {
    prepare: (_ctx, input, previous) =>
      previous === undefined ? { ...input, enrolledAt: input.enrolledAt ?? new Date().toISOString() } : input,
    async beforeCreate(ctx, enrollment) {
      await checkCohort(ctx, enrollment);
      return undefined;
    },
    async beforeUpdate(ctx, next, previous) {
      if (next.courseId !== previous.courseId || next.userId !== previous.userId)
        throw validationFailed([
          { path: '/courseId', code: 'immutable', message: 'an enrolment stays with its course and person' },
        ]);
      await checkCohort(ctx, next);
      return undefined;
    },
    afterCreate(ctx, enrollment) {
      ctx.defer(() =>
        events.emit(ctx, 'lms.enrollment.created', {
          enrollmentId: enrollment.id,
          courseId: enrollment.courseId,
          userId: enrollment.userId,
          role: enrollment.role,
          source: enrollment.source ?? 'instructor',
        }),
      );
    },
  });
}
