import { escapePointerToken } from '@codexion/schema';
import type { AttemptResult } from './grade-attempt.js';
import { QuizAnswerError } from './quiz-answer-error.js';

/**
 * An attempt with the instructor's scores for its essays (or overrides of auto-graded questions):
 * scores in points with at most two decimals, from 0 to the question's points.
 *
 * @throws QuizAnswerError `unknown-question` for a question not in the attempt, `bad-answer` for a
 *   score out of range, both at `/scores/<questionId>`
 * @example
 * applyManualScores(result, { essay1: 4.5 }) // essay1 'partial' at 450 hundredths, pending 0
 */
export function applyManualScores(
  result: AttemptResult,
  scores: Readonly<Record<string, number>>,
): AttemptResult {
  const known = new Map(result.questions.map((q) => [q.questionId, q]));
  for (const [id, points] of Object.entries(scores)) {
    const at = `/scores/${escapePointerToken(id)}`;
    const question = known.get(id);
    if (question === undefined)
      throw new QuizAnswerError('unknown-question', at, `${at}: question "${id}" is not in this attempt`);
    const hundredths = typeof points === 'number' ? Math.round(points * 100) : Number.NaN;
    if (!(hundredths >= 0 && hundredths <= question.possible) || Math.abs(hundredths - points * 100) > 1e-6)
      throw new QuizAnswerError(
        'bad-answer',
        at,
        `${at}: ${String(points)} is not a score from 0 to ${question.possible / 100} with at most two decimals`,
      );
  }
  const questions = result.questions.map((q) => {
    const points = scores[q.questionId];
    if (points === undefined) return q;
    const score = Math.round(points * 100);
    const status = score === q.possible ? 'correct' : score === 0 ? 'incorrect' : 'partial';
    return { ...q, score, status } as const;
  });
  return {
    score: questions.reduce((sum, q) => sum + (q.score ?? 0), 0),
    possible: result.possible,
    pending: questions.filter((q) => q.status === 'needs-grading').length,
    questions,
  };
}
