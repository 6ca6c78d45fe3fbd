import { QuizAnswerError } from './quiz-answer-error.js';

/** A choice of a single- or multiple-choice question. */
export interface ChoiceOption {
  id: string;
  correct: boolean;
}

/** Absolute (`± amount`) or relative (`± percent` of the right value) tolerance of a numerical question. */
export type Tolerance = { kind: 'absolute'; amount: number } | { kind: 'relative'; percent: number };

interface QuestionBase {
  id: string;
  /** at most two decimals, above 0 and up to 1,000 */
  points: number;
}

/** A question of the bank, with what grading needs (right options, accepted answers, tolerance). */
export type Question = QuestionBase &
  (
    | { type: 'single-choice'; options: ChoiceOption[] }
    | { type: 'multiple-choice'; options: ChoiceOption[] }
    | { type: 'true-false'; correct: boolean }
    | { type: 'short-answer'; accepted: string[]; caseSensitive?: boolean }
    | { type: 'numerical'; value: number; tolerance?: Tolerance }
    | { type: 'matching'; prompts: { id: string; matchId: string }[]; matches: { id: string }[] }
    | { type: 'essay' }
  );

export type QuestionType = Question['type'];

/** A learner's answer, by question type. */
export type Answer =
  | { optionId: string }
  | { optionIds: string[] }
  | { value: boolean }
  | { text: string }
  | { value: number }
  | { pairs: Record<string, string> };

function fail(path: string, message: string): never {
  throw new QuizAnswerError('bad-question', path, `${path}: ${message}`);
}

function ids(values: readonly { id: string }[], path: string, what: string): Set<string> {
  if (!Array.isArray(values) || values.length === 0 || values.length > 50)
    fail(path, `a question has 1 to 50 ${what}`);
  const seen = new Set<string>();
  values.forEach((value, i) => {
    const id: unknown = value?.id;
    if (typeof id !== 'string' || id === '' || id.length > 200)
      fail(`${path}/${i}/id`, 'an id is 1 to 200 characters');
    if (seen.has(id)) fail(`${path}/${i}/id`, `"${id}" appears twice`);
    seen.add(id);
  });
  return seen;
}

/**
 * The question's points in hundredths, after checking the question is well defined: one right
 * option for single choice, at least one for multiple choice, accepted answers for short answer,
 * a finite value and tolerance for numerical, each prompt matched to a listed match.
 *
 * @throws QuizAnswerError `bad-question` with the path inside the question (`path` is its own)
 * @example
 * checkQuestion({ id: 'q1', type: 'true-false', points: 1, correct: true }, '/questions/0') // 100
 */
export function checkQuestion(question: Question, path: string): number {
  const points: unknown = question?.points;
  if (
    typeof points !== 'number' ||
    !(points > 0) ||
    points > 1_000 ||
    Math.abs(Math.round(points * 100) - points * 100) > 1e-6
  )
    fail(
      `${path}/points`,
      `${String(points)} is not a number above 0 and up to 1000 with at most two decimals`,
    );
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice': {
      ids(question.options, `${path}/options`, 'options');
      const right = question.options.filter((o) => o.correct === true).length;
      if (question.type === 'single-choice' && right !== 1)
        fail(`${path}/options`, `a single-choice question has exactly one right option, not ${right}`);
      if (right === 0) fail(`${path}/options`, 'a multiple-choice question has at least one right option');
      break;
    }
    case 'true-false':
      if (typeof question.correct !== 'boolean') fail(`${path}/correct`, 'the right answer is true or false');
      break;
    case 'short-answer':
      if (
        !Array.isArray(question.accepted) ||
        question.accepted.length === 0 ||
        question.accepted.some((a) => typeof a !== 'string' || a.trim() === '')
      )
        fail(`${path}/accepted`, 'a short-answer question lists at least one accepted answer, none blank');
      break;
    case 'numerical': {
      if (typeof question.value !== 'number' || !Number.isFinite(question.value))
        fail(`${path}/value`, 'the right value is a finite number');
      const tolerance = question.tolerance;
      if (tolerance === undefined) break;
      if (tolerance.kind === 'absolute') {
        if (!(tolerance.amount >= 0) || !Number.isFinite(tolerance.amount))
          fail(`${path}/tolerance/amount`, 'the tolerance is a finite number from 0');
      } else if (tolerance.kind === 'relative') {
        if (!(tolerance.percent >= 0 && tolerance.percent <= 100))
          fail(`${path}/tolerance/percent`, 'the relative tolerance is 0 to 100 percent');
      } else fail(`${path}/tolerance/kind`, 'the tolerance is "absolute" or "relative"');
      break;
    }
    case 'matching': {
      const matches = ids(question.matches, `${path}/matches`, 'matches');
      ids(question.prompts, `${path}/prompts`, 'prompts');
      question.prompts.forEach((prompt, i) => {
        if (!matches.has(prompt.matchId))
          fail(`${path}/prompts/${i}/matchId`, `"${String(prompt.matchId)}" is not one of the matches`);
      });
      break;
    }
    case 'essay':
      break;
    default:
      fail(`${path}/type`, `"${String((question as { type: unknown }).type)}" is not a question type`);
  }
  return Math.round(points * 100);
}
