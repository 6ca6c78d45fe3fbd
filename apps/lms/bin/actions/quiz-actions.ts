import { validationFailed } from '@codexion/framework/errors';
import { and, eq, inArray } from 'drizzle-orm';
import type { QuizAttemptPatch, StartQuizAttemptResponse } from '../../core/generated/client/types.gen.js';
import { questions } from '../../core/generated/tables.js';
import { type AttemptResult, gradeAttempt } from '../../core/quiz/grade-attempt.js';
import type { Answer } from '../../core/quiz/question.js';
import { QuizAnswerError, quizErrorCodes } from '../../core/quiz/quiz-answer-error.js';
import { lms } from '../lms.js';
import { gradingQuestion, storedAnswer } from '../services/grading-question.js';
import { carriersOf, requireLearnerOnReleased } from '../services/learner-access.js';

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

/**
 * Grades the caller's in-progress attempt (`core/quiz`'s `gradeAttempt`: clock, shapes, every
 * question type) and stores its answers and points in one write. A refusal writes nothing: 409
 * ATTEMPT_CLOSED (submitted already, or past the time limit), 409 ITEM_LOCKED (the quiz's lesson
 * no longer released), 422 at `/body/answers/<question id>` for an answer the graders refuse.
 */
export const submitQuizAttempt = lms.defineAction('submitQuizAttempt', async (ctx, { params, body }) => {
  const attempts = lms.resource(ctx, 'quiz-attempt');
  const attempt = await attempts.get(params.id);
  if (attempt.status === 'submitted')
    throw lms.error('ATTEMPT_CLOSED', `Attempt ${attempt.attemptNumber ?? ''} was submitted already`);
  const quiz = await lms.resource(ctx, 'quiz').get(attempt.quizId);
  await requireLearnerOnReleased(ctx, {
    courseId: quiz.courseId,
    learnerId: attempt.learnerId,
    carriers: await carriersOf(ctx, { quizId: quiz.id }),
    what: `"${quiz.title}"`,
  });
  const order = attempt.questionIds ?? [];
  const rows =
    order.length === 0
      ? []
      : await ctx.tx
          .select()
          .from(questions)
          .where(and(eq(questions.tenantId, ctx.tenantId), inArray(questions.id, order)));
  const byId = new Map(rows.map((row) => [row.id, gradingQuestion(row)]));
  const submittedAt = new Date().toISOString();
  let result: AttemptResult;
  try {
    result = gradeAttempt({
      questions: order.flatMap((id) => byId.get(id) ?? []),
      answers: body.answers,
      startedAt: attempt.startedAt ?? submittedAt,
      submittedAt,
      timeLimitSeconds: quiz.timeLimitMinutes == null ? null : quiz.timeLimitMinutes * 60,
    });
  } catch (error) {
    if (!(error instanceof QuizAnswerError)) throw error;
    if (error.code === 'time-limit-exceeded' || error.code === 'quiz-closed')
      throw lms.error('ATTEMPT_CLOSED', error.message);
    throw validationFailed([
      { path: `/body${error.path}`, code: error.code, message: quizErrorCodes[error.code] },
    ]);
  }
  const answers = result.questions.map((graded) =>
    storedAnswer(graded.questionId, body.answers[graded.questionId] as Answer | undefined, graded),
  );
  const submitted = await attempts.update(attempt.id, {
    status: 'submitted',
    submittedAt,
    answers,
    points: result.score / 100,
    maxPoints: result.possible / 100,
    needsManualGrading: result.pending > 0,
  } as QuizAttemptPatch);
  return { body: submitted };
});
