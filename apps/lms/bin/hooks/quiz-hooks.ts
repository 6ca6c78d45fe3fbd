import { validationFailed } from '@codexion/framework/errors';
import type { Draft, HookContext, ResourceHooks } from '@codexion/framework/plugins';
import { and, eq, inArray } from 'drizzle-orm';
import type { Quiz } from '../../core/generated/client/types.gen.js';
import { questions } from '../../core/generated/tables.js';
import { lms } from '../lms.js';

/** Every question of a quiz is one of its course's bank; the quiz's points are theirs summed. */
async function withPoints(ctx: HookContext, quiz: Draft<Quiz>): Promise<Draft<Quiz>> {
  const ids = quiz.questionIds ?? [];
  const rows =
    ids.length === 0
      ? []
      : await ctx.tx
          .select({ id: questions.id, courseId: questions.courseId, points: questions.points })
          .from(questions)
          .where(and(eq(questions.tenantId, ctx.tenantId), inArray(questions.id, ids)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const issues = ids.flatMap((id, index) =>
    byId.get(id)?.courseId === quiz.courseId
      ? []
      : [
          {
            path: `/questionIds/${index}`,
            code: 'question-course',
            message: "is not a question of the quiz's course",
          },
        ],
  );
  if (issues.length > 0) throw validationFailed(issues);
  const maxPoints = Math.round(ids.reduce((sum, id) => sum + (byId.get(id)?.points ?? 0), 0) * 100) / 100;
  return { ...quiz, maxPoints };
}

/**
 * A quiz draws on its own course's question bank (422 at `/questionIds/<i>` otherwise) and carries
 * the sum of its questions' points, which each attempt starts from.
 *
 * @example
 * lms.definePlugin({ …, hooks: { quiz: quizHooks() } })
 */
export function quizHooks(): ResourceHooks<Quiz> {
  return lms.defineHooks('quiz', {
    beforeCreate: (ctx, quiz) => withPoints(ctx, quiz),
    beforeUpdate: (ctx, next) => withPoints(ctx, next),
  });
}
