import { randomInt } from 'node:crypto';
import { referenceIssue, validationFailed } from '@codexion/framework/errors';
import type { ResourceHooks } from '@codexion/framework/plugins';
import { and, eq } from 'drizzle-orm';
import type { QuizAttempt } from '../../core/generated/client/types.gen.js';
import { quizAttempts, quizzes } from '../../core/generated/tables.js';
import { lms } from '../lms.js';
import { carriersOf, countRows, requireLearnerOnReleased, stampLearner } from '../services/learner-access.js';

/** Fisher–Yates with a cryptographic source: a learner cannot predict the next attempt's order. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Starting an attempt (`POST /quiz-attempts` or the `startQuizAttempt` action, the same checks):
 * the caller's own, enrolled in the published course, the quiz's lesson released (409
 * ITEM_LOCKED with the reasons), an attempt left (409 ATTEMPTS_EXHAUSTED). The hook numbers it,
 * fixes its question order (shuffled when the quiz says so), its start and its deadline. An
 * attempt stays with its quiz; its answers and points are written by `submitQuizAttempt` only.
 *
 * @example
 * lms.definePlugin({ …, hooks: { 'quiz-attempt': quizAttemptHooks() } })
 */
export function quizAttemptHooks(): ResourceHooks<QuizAttempt> {
  return lms.defineHooks('quiz-attempt', {
    prepare: stampLearner,

    async beforeCreate(ctx, attempt) {
      const [quiz] = await ctx.tx
        .select()
        .from(quizzes)
        .where(and(eq(quizzes.tenantId, ctx.tenantId), eq(quizzes.id, attempt.quizId)));
      if (quiz === undefined) throw validationFailed([referenceIssue('/quizId', 'quiz')]);
      const { enrollment } = await requireLearnerOnReleased(ctx, {
        courseId: quiz.courseId,
        learnerId: attempt.learnerId,
        carriers: await carriersOf(ctx, { quizId: quiz.id }),
        what: `"${quiz.title}"`,
      });
      const previous = await countRows(
        ctx,
        quizAttempts,
        and(
          eq(quizAttempts.tenantId, ctx.tenantId),
          eq(quizAttempts.quizId, quiz.id),
          eq(quizAttempts.learnerId, enrollment.userId),
        ),
      );
      if (quiz.attemptsLimit > 0 && previous >= quiz.attemptsLimit)
        throw lms.error(
          'ATTEMPTS_EXHAUSTED',
          `"${quiz.title}" allows ${quiz.attemptsLimit} attempt(s); you have used ${previous}`,
        );
      const started = new Date();
      return {
        ...attempt,
        courseId: quiz.courseId,
        attemptNumber: previous + 1,
        status: 'in-progress' as const,
        questionIds: quiz.shuffle ? shuffled(quiz.questionIds) : [...quiz.questionIds],
        startedAt: started.toISOString(),
        deadlineAt:
          quiz.timeLimitMinutes === null
            ? null
            : new Date(started.getTime() + quiz.timeLimitMinutes * 60_000).toISOString(),
        answers: [],
        points: null,
        maxPoints: quiz.maxPoints,
      };
    },

    beforeUpdate(_ctx, next, previous) {
      if (next.quizId !== previous.quizId || next.learnerId !== previous.learnerId)
        throw validationFailed([
          { path: '/quizId', code: 'immutable', message: 'an attempt stays with its quiz and learner' },
        ]);
      return undefined;
    },
  });
}
