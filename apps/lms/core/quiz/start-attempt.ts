import type { Question } from './question.js';
import { QuizAnswerError } from './quiz-answer-error.js';

/** A quiz's attempt settings. */
export interface AttemptSettings {
  /** attempts a learner may make; unlimited when absent or null */
  maxAttempts?: number | null;
  shuffleQuestions?: boolean;
  /** shuffles the options of choice questions and the matches of matching questions */
  shuffleOptions?: boolean;
}

/** The order a learner sees an attempt in. */
export interface AttemptLayout {
  /** 1 for the first attempt */
  attemptNumber: number;
  questionIds: string[];
  /** per question with options or matches: their ids in the order shown */
  optionOrder: Record<string, string[]>;
}

/** FNV-1a: a 32-bit hash of the seed text, the same in every engine (`Math.imul`). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: a small seeded generator of integers, deterministic in 32-bit integer arithmetic. */
function generator(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % below;
  };
}

function shuffle<T>(items: readonly T[], next: (below: number) => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = next(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Opens a learner's next attempt: refuses it when the attempts are used up, and lays out the
 * questions and options, shuffled when the quiz says so. The shuffle is decided by `seed` alone
 * (use the attempt's id), so the server and the page, and a reload, show the same order.
 *
 * @throws QuizAnswerError `attempts-exhausted` at `/attempts` when `attemptsUsed` reaches the limit
 * @example
 * startAttempt({ maxAttempts: 2, shuffleQuestions: true }, questions, 1, 'attempt-7f3a')
 * // { attemptNumber: 2, questionIds: ['q3', 'q1', 'q2'], optionOrder: { q1: ['a', 'b', 'c'] } }
 */
export function startAttempt(
  settings: AttemptSettings,
  questions: readonly Question[],
  attemptsUsed: number,
  seed: string,
): AttemptLayout {
  const max = settings.maxAttempts;
  if (max !== undefined && max !== null && (!Number.isInteger(max) || max < 1))
    throw new QuizAnswerError(
      'bad-question',
      '/maxAttempts',
      `/maxAttempts: ${String(max)} is not a whole number above 0`,
    );
  if (!Number.isInteger(attemptsUsed) || attemptsUsed < 0)
    throw new QuizAnswerError(
      'bad-answer',
      '/attempts',
      `/attempts: ${String(attemptsUsed)} is not a count of attempts`,
    );
  if (max !== undefined && max !== null && attemptsUsed >= max)
    throw new QuizAnswerError(
      'attempts-exhausted',
      '/attempts',
      `/attempts: all ${max} attempts of this quiz are used`,
    );
  const next = generator(hash(seed));
  const ordered = settings.shuffleQuestions === true ? shuffle(questions, next) : [...questions];
  const optionOrder: Record<string, string[]> = {};
  for (const question of ordered) {
    const choices =
      question.type === 'single-choice' || question.type === 'multiple-choice'
        ? question.options.map((o) => o.id)
        : question.type === 'matching'
          ? question.matches.map((m) => m.id)
          : undefined;
    if (choices === undefined) continue;
    optionOrder[question.id] = settings.shuffleOptions === true ? shuffle(choices, next) : choices;
  }
  return { attemptNumber: attemptsUsed + 1, questionIds: ordered.map((q) => q.id), optionOrder };
}
