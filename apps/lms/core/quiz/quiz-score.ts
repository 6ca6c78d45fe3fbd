import { roundHalfUp } from '../grading/points.js';
import type { AttemptResult } from './grade-attempt.js';
import { QuizAnswerError } from './quiz-answer-error.js';

/** Which attempt gives the quiz's grade. */
export type GradingMethod = 'highest' | 'average' | 'first' | 'last';

/** A quiz's grade in the gradebook, in hundredths of a point. */
export interface QuizScore {
  points: number;
  /** some attempt that counts still has questions waiting for an instructor */
  provisional: boolean;
}

/**
 * The points a quiz item carries into the gradebook from a learner's attempts (oldest first):
 * each attempt's share score / possible, scaled to `itemPoints` (hundredths), by the highest
 * share (the earliest among equal ones), the mean of all shares, the first or the last attempt's; computed
 * as exact fractions and rounded once, half-up, to a hundredth. `null` without attempts.
 *
 * @throws QuizAnswerError `bad-answer` at `/attempts/<i>` for an attempt with no possible points
 * @example
 * quizScore([{ score: 50, possible: 100, ... }, { score: 80, possible: 100, ... }], 'average', 1_000)
 * // { points: 650, provisional: false }
 */
export function quizScore(
  attempts: readonly AttemptResult[],
  method: GradingMethod,
  itemPoints: number,
): QuizScore | null {
  if (attempts.length === 0) return null;
  attempts.forEach((a, i) => {
    if (!(a.possible > 0))
      throw new QuizAnswerError(
        'bad-answer',
        `/attempts/${i}`,
        `/attempts/${i}: an attempt with no possible points`,
      );
  });
  const item = BigInt(itemPoints);
  if (method === 'average') {
    // Σ sᵢ/pᵢ / n = Σ (sᵢ · Π_{j≠i} pⱼ) / (n · Π pⱼ)
    const product = attempts.reduce((p, a) => p * BigInt(a.possible), 1n);
    const sum = attempts.reduce((s, a) => s + (BigInt(a.score) * product) / BigInt(a.possible), 0n);
    return {
      points: Number(roundHalfUp(sum * item, product * BigInt(attempts.length))),
      provisional: attempts.some((a) => a.pending > 0),
    };
  }
  let chosen = attempts[method === 'first' ? 0 : attempts.length - 1] as AttemptResult;
  if (method === 'highest') {
    chosen = attempts[0] as AttemptResult;
    for (const a of attempts)
      if (BigInt(a.score) * BigInt(chosen.possible) > BigInt(chosen.score) * BigInt(a.possible)) chosen = a;
  }
  return {
    points: Number(roundHalfUp(BigInt(chosen.score) * item, BigInt(chosen.possible))),
    provisional: chosen.pending > 0,
  };
}
