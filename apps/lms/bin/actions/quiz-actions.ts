import { and, eq, inArray } from 'drizzle-orm';
import type { StartQuizAttemptResponse } from '../../core/generated/client/types.gen.js';
import { questions } from '../../core/generated/tables.js';
import { lms } from '../lms.js';

/**
 * Starts the caller's next attempt (the `quiz-attempt` hooks check enrolment, release and the
 * attempts left) and answers its questions in the attempt's order, as a learner may see them:
 * prompt, options and points, never the answer key or the feedback.
 */
export const startQuizAttempt = lms.defineAction('startQuizAttempt', async (ctx, { params }) => {
  const attempt = await lms.resource(ctx, 'quiz-attempt').create({ quizId: params.id });
  const order = attempt.questionIds ?? [];
  // read past the bank's record policy (learners do not read the bank): only the shown fields leave
  const rows =
    order.length === 0
      ? []
      : await ctx.tx
          .select({
            id: questions.id,
            type: questions.type,
            prompt: questions.prompt,
            points: questions.points,
            options: questions.options,
            matchPrompts: questions.matchPrompts,
          })
          .from(questions)
          .where(and(eq(questions.tenantId, ctx.tenantId), inArray(questions.id, order)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const shown = order.flatMap((id) => {
    const question = byId.get(id);
    // options and prompts are stored as the question schema validated them
    return question === undefined ? [] : [question as StartQuizAttemptResponse['questions'][number]];
  });
  return { status: 201, body: { attempt, questions: shown } };
});
