import type { AttemptResult } from './grade-attempt.js';
import type { QuestionStatus } from './grade-question.js';
import type { Question } from './question.js';
import { QuizAnswerError } from './quiz-answer-error.js';

/** When a learner sees how an attempt went. */
export type FeedbackMode = 'immediate' | 'after-due' | 'never';

/** What a learner may see of a graded attempt: nothing, the score, or everything. */
export type LearnerFeedback =
  | { shows: 'nothing'; availableAt: string }
  | { shows: 'score'; score: number; possible: number; provisional: boolean }
  | {
      shows: 'all';
      score: number;
      possible: number;
      provisional: boolean;
      questions: {
        questionId: string;
        status: QuestionStatus;
        score: number | null;
        possible: number;
        correct: unknown;
      }[];
    };

/** The right answer of a question as a learner may be shown it (none for an essay). */
function rightAnswer(question: Question | undefined): unknown {
  switch (question?.type) {
    case 'single-choice':
      return { optionId: question.options.find((o) => o.correct)?.id };
    case 'multiple-choice':
      return { optionIds: question.options.filter((o) => o.correct).map((o) => o.id) };
    case 'true-false':
      return { value: question.correct };
    case 'short-answer':
      return { accepted: question.accepted };
    case 'numerical':
      return { value: question.value, tolerance: question.tolerance ?? null };
    case 'matching':
      return { pairs: Object.fromEntries(question.prompts.map((p) => [p.id, p.matchId])) };
    default:
      return null;
  }
}

/**
 * Cuts a graded attempt down to what its feedback mode lets the learner see now:
 * - `immediate`: the score, each question's result and the right answers, at once;
 * - `after-due`: nothing until `dueAt` (then as immediate); no due date means nothing to wait for;
 * - `never`: the score only, never per-question results or right answers.
 * The server answers a learner with this, so hidden answers never leave it.
 *
 * @example
 * learnerFeedback(result, questions, { mode: 'after-due', now: '2026-03-01T10:00:00Z', dueAt: '2026-03-02T00:00:00Z' })
 * // { shows: 'nothing', availableAt: '2026-03-02T00:00:00Z' }
 */
export function learnerFeedback(
  result: AttemptResult,
  questions: readonly Question[],
  { mode, now, dueAt }: { mode: FeedbackMode; now: string; dueAt?: string | null },
): LearnerFeedback {
  const instant = (value: string, path: string): number => {
    const ms = Date.parse(value);
    if (Number.isNaN(ms))
      throw new QuizAnswerError('bad-answer', path, `${path}: ${String(value)} is not an ISO 8601 date-time`);
    return ms;
  };
  if (mode !== 'immediate' && mode !== 'after-due' && mode !== 'never')
    throw new QuizAnswerError(
      'bad-question',
      '/feedbackMode',
      `/feedbackMode: "${String(mode)}" is not immediate, after-due or never`,
    );
  const provisional = result.pending > 0;
  if (mode === 'never')
    return { shows: 'score', score: result.score, possible: result.possible, provisional };
  if (mode === 'after-due' && dueAt != null && instant(now, '/now') < instant(dueAt, '/dueAt'))
    return { shows: 'nothing', availableAt: dueAt };
  const byId = new Map(questions.map((q) => [q.id, q]));
  return {
    shows: 'all',
    score: result.score,
    possible: result.possible,
    provisional,
    questions: result.questions.map((q) => ({ ...q, correct: rightAnswer(byId.get(q.questionId)) })),
  };
}
