import { validationFailed } from '@codexion/framework/errors';
import type { ValidationIssue } from '@codexion/schema';
import type { RubricAssessment, SubmissionPatch } from '../../core/generated/client/types.gen.js';
import { type LmsEventOutbox, lms } from '../lms.js';

/** Rounds points to hundredths, so a penalty never leaves float noise in a grade. */
function hundredths(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Records the submission's assessment: a rating per criterion of the assignment's rubric (each
 * criterion once, each rating one the criterion has), inline comments on spans of the submitted
 * text, feedback. Points: the ratings' sum (without a rubric, `points`), less the submission's late
 * penalty, capped at the assignment's maximum. Every issue is a 422 at its place in the body;
 * nothing is written then.
 */
export const gradeSubmission = lms.defineAction('gradeSubmission', async (ctx, { params, body }) => {
  const submission = await lms.resource(ctx, 'submission').get(params.id);
  const assignment = await lms.resource(ctx, 'assignment').get(submission.assignmentId);
  const issues: ValidationIssue[] = [];
  let rawPoints = 0;
  const ratings = body.ratings ?? [];
  if (assignment.rubricId != null) {
    const rubric = await lms.resource(ctx, 'rubric').get(assignment.rubricId);
    const seen = new Set<string>();
    ratings.forEach((given, index) => {
      const criterion = rubric.criteria.find((c) => c.id === given.criterionId);
      if (criterion === undefined) {
        issues.push({
          path: `/body/ratings/${index}/criterionId`,
          code: 'rubric',
          message: 'is not a criterion of the rubric',
        });
        return;
      }
      if (seen.has(criterion.id)) {
        issues.push({
          path: `/body/ratings/${index}/criterionId`,
          code: 'rubric',
          message: 'is rated twice',
        });
        return;
      }
      seen.add(criterion.id);
      const rating = criterion.ratings.find((r) => r.id === given.ratingId);
      if (rating === undefined)
        issues.push({
          path: `/body/ratings/${index}/ratingId`,
          code: 'rubric',
          message: `is not a rating of "${criterion.title}"`,
        });
      else rawPoints += rating.points;
    });
    const missing = rubric.criteria.filter((c) => !seen.has(c.id)).map((c) => c.title);
    if (missing.length > 0 && issues.length === 0)
      issues.push({ path: '/body/ratings', code: 'rubric', message: `rates no ${missing.join(', ')}` });
    if (body.points !== undefined)
      issues.push({ path: '/body/points', code: 'rubric', message: "comes from the rubric's ratings" });
  } else if (body.points === undefined) {
    issues.push({
      path: '/body/points',
      code: 'required',
      message: 'is needed: the assignment has no rubric',
    });
  } else if (body.points > assignment.maxPoints) {
    issues.push({
      path: '/body/points',
      code: 'maximum',
      message: `must be at most ${assignment.maxPoints}`,
    });
  } else {
    rawPoints = body.points;
  }
  const length = submission.text?.length ?? 0;
  (body.comments ?? []).forEach((comment, index) => {
    if (comment.end < comment.start || comment.end > length)
      issues.push({
        path: `/body/comments/${index}`,
        code: 'span',
        message: `must mark a span of the submitted text (0–${length})`,
      });
  });
  if (issues.length > 0)
    throw validationFailed(issues, 'The grade does not fit the rubric or the submission');

  const points = hundredths(
    Math.min(assignment.maxPoints, rawPoints * (1 - (submission.latePenaltyPercent ?? 0) / 100)),
  );
  const assessments = lms.resource(ctx, 'rubric-assessment');
  const { items } = await assessments.list({ filter: { submissionId: { eq: submission.id } } });
  const graded = {
    ratings,
    comments: body.comments ?? [],
    feedback: body.feedback ?? null,
    rawPoints: hundredths(rawPoints),
    points,
  };
  const existing = items[0];
  const assessment: RubricAssessment =
    existing === undefined
      ? await assessments.create({
          submissionId: submission.id,
          assignmentId: assignment.id,
          courseId: assignment.courseId,
          learnerId: submission.learnerId,
          released: assignment.gradesReleased ?? false,
          ...graded,
        })
      : await assessments.update(existing.id, graded);
  if (submission.status !== 'graded')
    await lms.resource(ctx, 'submission').update(submission.id, { status: 'graded' } as SubmissionPatch);
  return { body: assessment };
});

/** Releases an assignment's grades: its assessments become readable by their learners. */
export function releaseGrades(events: LmsEventOutbox) {
  return lms.defineAction('releaseGrades', async (ctx, { params }) => {
    const assignment = await lms.resource(ctx, 'assignment').get(params.id);
    const assessments = lms.resource(ctx, 'rubric-assessment');
    let released = 0;
    let cursor: string | undefined;
    do {
      const page = await assessments.list({
        filter: { assignmentId: { eq: assignment.id }, released: { eq: false } },
        pageSize: 200,
        ...(cursor === undefined ? {} : { cursor }),
      });
      for (const assessment of page.items) {
        await assessments.update(assessment.id, { released: true });
        released += 1;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    if (assignment.gradesReleased !== true)
      await lms.resource(ctx, 'assignment').update(assignment.id, { gradesReleased: true });
    await events.emit(ctx, 'lms.grades.released', {
      assignmentId: assignment.id,
      courseId: assignment.courseId,
      count: released,
    });
    return { body: { assignmentId: assignment.id, released } };
  });
}
