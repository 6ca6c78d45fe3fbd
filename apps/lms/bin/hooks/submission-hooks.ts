import { referenceIssue, validationFailed } from '@codexion/framework/errors';
import type { ResourceHooks } from '@codexion/framework/plugins';
import { and, eq } from 'drizzle-orm';
import { lateness } from '../../core/assignment/late-penalty.js';
import type { Submission } from '../../core/generated/client/types.gen.js';
import { assignments, submissions } from '../../core/generated/tables.js';
import { lms } from '../lms.js';
import { carriersOf, countRows, requireLearnerOnReleased, stampLearner } from '../services/learner-access.js';

/**
 * A submission is the learner's own (`learnerId` is the caller), to an assignment of a published
 * course they are enrolled in, whose lesson is released to them; before the hard deadline (409
 * SUBMISSION_CLOSED after it), of a kind the assignment takes, within its number of submissions.
 * The hook numbers the attempt (a resubmission keeps the earlier ones), stamps the time and the
 * late penalty its policy gives. A submission is never edited: a new one is the resubmission.
 *
 * @example
 * lms.definePlugin({ …, hooks: { submission: submissionHooks() } })
 */
export function submissionHooks(): ResourceHooks<Submission> {
  return lms.defineHooks('submission', {
    prepare: stampLearner,

    async beforeCreate(ctx, submission) {
      const [assignment] = await ctx.tx
        .select()
        .from(assignments)
        .where(and(eq(assignments.tenantId, ctx.tenantId), eq(assignments.id, submission.assignmentId)));
      if (assignment === undefined) throw validationFailed([referenceIssue('/assignmentId', 'assignment')]);
      const { enrollment } = await requireLearnerOnReleased(ctx, {
        courseId: assignment.courseId,
        learnerId: submission.learnerId,
        carriers: await carriersOf(ctx, { assignmentId: assignment.id }),
        what: `"${assignment.title}"`,
      });
      const kinds = [
        ['text', submission.text],
        ['url', submission.url],
        ['file', submission.fileRef],
      ] as const;
      const refused = kinds.filter(
        ([kind, value]) => value != null && value !== '' && !assignment.submissionTypes.includes(kind),
      );
      if (refused.length > 0)
        throw validationFailed(
          refused.map(([kind]) => ({
            path: kind === 'file' ? '/fileRef' : `/${kind}`,
            code: 'submission-type',
            message: `this assignment takes ${assignment.submissionTypes.join(', ')} submissions`,
          })),
        );
      const now = new Date().toISOString();
      const late = lateness(
        {
          dueAt: assignment.dueAt,
          hardDeadlineAt: assignment.hardDeadlineAt,
          latePolicy: assignment.latePolicy,
          latePenaltyPercent: assignment.latePenaltyPercent,
          latePenaltyMaxPercent: assignment.latePenaltyMaxPercent,
        },
        now,
      );
      if (!late.open)
        throw lms.error(
          'SUBMISSION_CLOSED',
          `"${assignment.title}" took submissions until ${new Date(late.closedAt).toISOString()}`,
        );
      const previous = await countRows(
        ctx,
        submissions,
        and(
          eq(submissions.tenantId, ctx.tenantId),
          eq(submissions.assignmentId, assignment.id),
          eq(submissions.learnerId, enrollment.userId),
        ),
      );
      if (assignment.maxSubmissions > 0 && previous >= assignment.maxSubmissions)
        throw lms.error(
          'SUBMISSION_CLOSED',
          `"${assignment.title}" takes ${assignment.maxSubmissions} submission(s); you made ${previous}`,
        );
      return {
        ...submission,
        courseId: assignment.courseId,
        attempt: previous + 1,
        submittedAt: now,
        latePenaltyPercent: late.penaltyPercent,
        status: 'submitted' as const,
      };
    },

    beforeUpdate(_ctx, next, previous) {
      if (next.assignmentId !== previous.assignmentId || next.learnerId !== previous.learnerId)
        throw validationFailed([
          {
            path: '/assignmentId',
            code: 'immutable',
            message: 'a submission stays with its assignment and learner',
          },
        ]);
      return undefined;
    },
  });
}
