import { escapePointerToken } from '@codexion/schema';
import { gradeQuestion, type QuestionResult } from './grade-question.js';
import { checkQuestion, type Question } from './question.js';
import { QuizAnswerError } from './quiz-answer-error.js';

/** A submitted attempt: its questions (in the attempt's order), the answers and the clock. */
export interface AttemptSubmission {
  questions: readonly Question[];
  /** answers by question id; a question without an entry is unanswered */
  answers: Readonly<Record<string, unknown>>;
  /** ISO 8601 */
  startedAt: string;
  /** ISO 8601 */
  submittedAt: string;
  /** the quiz's time limit; none when absent or null */
  timeLimitSeconds?: number | null;
  /** how long after the limit a submission is still taken (network, auto-submit), 30 s by default */
  graceSeconds?: number;
  /** ISO 8601: when the quiz closes; no attempt is taken after it */
  closesAt?: string | null;
}

/** A graded attempt; points in hundredths. */
export interface AttemptResult {
  /** points of the graded questions (essays waiting for grading count nothing yet) */
  score: number;
  possible: number;
  /** questions that need an instructor's grade; the score is final when 0 */
  pending: number;
  questions: QuestionResult[];
}

function instant(value: unknown, path: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms))
    throw new QuizAnswerError('bad-answer', path, `${path}: ${String(value)} is not an ISO 8601 date-time`);
  return ms;
}

function checkClock(submission: AttemptSubmission): void {
  const started = instant(submission.startedAt, '/startedAt');
  const submitted = instant(submission.submittedAt, '/submittedAt');
  if (submitted < started)
    throw new QuizAnswerError(
      'bad-answer',
      '/submittedAt',
      '/submittedAt: the attempt was submitted before it started',
    );
  const closes = submission.closesAt == null ? null : instant(submission.closesAt, '/closesAt');
  if (closes !== null && submitted > closes)
    throw new QuizAnswerError(
      'quiz-closed',
      '/submittedAt',
      `/submittedAt: the quiz closed at ${submission.closesAt}`,
    );
  const limit = submission.timeLimitSeconds;
  if (limit === undefined || limit === null) return;
  if (!Number.isInteger(limit) || limit <= 0)
    throw new QuizAnswerError(
      'bad-question',
      '/timeLimitSeconds',
      `/timeLimitSeconds: ${String(limit)} is not a whole number of seconds above 0`,
    );
  const grace = submission.graceSeconds ?? 30;
  if (!Number.isInteger(grace) || grace < 0)
    throw new QuizAnswerError(
      'bad-question',
      '/graceSeconds',
      `/graceSeconds: ${String(grace)} is not a whole number of seconds from 0`,
    );
  const used = (submitted - started) / 1_000;
  if (used > limit + grace)
    throw new QuizAnswerError(
      'time-limit-exceeded',
      '/submittedAt',
      `/submittedAt: the attempt took ${Math.ceil(used)} s, over the time limit of ${limit} s (${grace} s grace)`,
    );
}

/**
 * Grades a submitted attempt: checks the clock (time limit plus grace, closing time), that every
 * answer is for a question of this attempt and has its type's shape, then grades each question
 * with `gradeQuestion`. Nothing is graded unless all of it is valid, so the caller writes nothing
 * for a refused attempt.
 *
 * @throws QuizAnswerError `unknown-question` (`/answers/<id>`), `bad-answer`, `unknown-option`,
 *   `bad-question`, `time-limit-exceeded` or `quiz-closed` (`/submittedAt`)
 * @example
 * gradeAttempt({ questions, answers: { q1: { value: true } }, startedAt, submittedAt, timeLimitSeconds: 600 })
 * // { score: 100, possible: 300, pending: 0, questions: [...] }
 */
export function gradeAttempt(submission: AttemptSubmission): AttemptResult {
  checkClock(submission);
  const answers: unknown = submission.answers;
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers))
    throw new QuizAnswerError(
      'bad-answer',
      '/answers',
      '/answers: the answers are an object of question id → answer',
    );
  const byId = new Map(submission.questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers)) {
    if (!byId.has(id))
      throw new QuizAnswerError(
        'unknown-question',
        `/answers/${escapePointerToken(id)}`,
        `/answers/${escapePointerToken(id)}: question "${id}" is not in this attempt`,
      );
  }
  const questions = submission.questions.map((question, i) => {
    const possible = checkQuestion(question, `/questions/${i}`);
    const answer = (answers as Record<string, unknown>)[question.id];
    return gradeQuestion(question, possible, answer, `/answers/${escapePointerToken(question.id)}`);
  });
  return {
    score: questions.reduce((sum, q) => sum + (q.score ?? 0), 0),
    possible: questions.reduce((sum, q) => sum + q.possible, 0),
    pending: questions.filter((q) => q.status === 'needs-grading').length,
    questions,
  };
}
