import { escapePointerToken } from '@codexion/schema';
import { roundHalfUp } from '../grading/points.js';
import { normaliseAnswerText } from './normalise-answer-text.js';
import type { Question } from './question.js';
import { QuizAnswerError } from './quiz-answer-error.js';
import { withinTolerance } from './within-tolerance.js';

/** How a question was answered. `needs-grading`: an essay waiting for the instructor. */
export type QuestionStatus = 'correct' | 'partial' | 'incorrect' | 'unanswered' | 'needs-grading';

/** One question of a graded attempt; points in hundredths. */
export interface QuestionResult {
  questionId: string;
  status: QuestionStatus;
  /** hundredths of a point, `null` while the question needs grading */
  score: number | null;
  possible: number;
}

type Shape = Record<string, unknown>;

function field<T>(answer: Shape, key: string, ok: (v: unknown) => v is T, path: string, what: string): T {
  const value = answer[key];
  if (!ok(value)) throw new QuizAnswerError('bad-answer', `${path}/${key}`, `${path}/${key}: ${what}`);
  return value;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length <= 10_000;
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length <= 50 && v.every((s) => typeof s === 'string');
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function unknownOption(path: string, questionId: string, what: string, id: string): never {
  throw new QuizAnswerError(
    'unknown-option',
    path,
    `${path}: question "${questionId}" has no ${what} "${id}"`,
  );
}

/** `possible × right / of`, rounded half-up to hundredths, with its status. */
function share(possible: number, right: number, of: number): { status: QuestionStatus; score: number } {
  const score = Number(roundHalfUp(BigInt(possible) * BigInt(right), BigInt(of)));
  return { status: right === of ? 'correct' : right > 0 ? 'partial' : 'incorrect', score };
}

/**
 * Grades one answer, checked against its question first. Partial credit:
 * - multiple choice: (right options chosen − wrong options chosen) / right options, at least 0
 *   (so choosing everything earns nothing);
 * - matching: prompts matched right / prompts;
 * each rounded half-up to a hundredth of a point. Short answers compare after
 * `normaliseAnswerText`; numerical answers within the tolerance as decimals (`withinTolerance`);
 * essays are `needs-grading`. No answer (`undefined` or `null`) is `unanswered`, 0 points.
 *
 * @param possible the question's points in hundredths (`checkQuestion`'s result)
 * @param path JSON Pointer of the answer, for errors: `/answers/<questionId>`
 * @throws QuizAnswerError `bad-answer` (wrong shape) or `unknown-option` (an option, prompt or match
 *   the question lacks), with the path of the field
 * @example
 * gradeQuestion({ id: 'q', type: 'multiple-choice', points: 3, options: [...] }, 300, { optionIds: ['a', 'c'] }, '/answers/q')
 * // { questionId: 'q', status: 'partial', score: 150, possible: 300 }
 */
export function gradeQuestion(
  question: Question,
  possible: number,
  answer: unknown,
  path: string,
): QuestionResult {
  const result = (status: QuestionStatus, score: number | null): QuestionResult => ({
    questionId: question.id,
    status,
    score,
    possible,
  });
  if (answer === undefined || answer === null) return result('unanswered', 0);
  if (!isRecord(answer)) throw new QuizAnswerError('bad-answer', path, `${path}: an answer is an object`);
  switch (question.type) {
    case 'single-choice': {
      const chosen = field(answer, 'optionId', isString, path, 'the chosen option id');
      const option =
        question.options.find((o) => o.id === chosen) ??
        unknownOption(`${path}/optionId`, question.id, 'option', chosen);
      return option.correct ? result('correct', possible) : result('incorrect', 0);
    }
    case 'multiple-choice': {
      const chosen = field(answer, 'optionIds', isStringList, path, 'a list of up to 50 option ids');
      if (new Set(chosen).size !== chosen.length)
        throw new QuizAnswerError(
          'bad-answer',
          `${path}/optionIds`,
          `${path}/optionIds: an option is chosen twice`,
        );
      let net = 0;
      chosen.forEach((id, i) => {
        const option =
          question.options.find((o) => o.id === id) ??
          unknownOption(`${path}/optionIds/${i}`, question.id, 'option', id);
        net += option.correct ? 1 : -1;
      });
      const right = question.options.filter((o) => o.correct).length;
      return { questionId: question.id, possible, ...share(possible, Math.max(0, net), right) };
    }
    case 'true-false':
      return field(answer, 'value', isBoolean, path, 'true or false') === question.correct
        ? result('correct', possible)
        : result('incorrect', 0);
    case 'short-answer': {
      const text = field(answer, 'text', isString, path, 'a text of up to 10,000 characters');
      const options = { caseSensitive: question.caseSensitive === true };
      const given = normaliseAnswerText(text, options);
      if (given === '') return result('unanswered', 0);
      const right = question.accepted.some((accepted) => normaliseAnswerText(accepted, options) === given);
      return right ? result('correct', possible) : result('incorrect', 0);
    }
    case 'numerical': {
      const value = field(answer, 'value', isNumber, path, 'a finite number');
      return withinTolerance(value, question.value, question.tolerance)
        ? result('correct', possible)
        : result('incorrect', 0);
    }
    case 'matching': {
      const pairs = field(answer, 'pairs', isRecord, path, 'an object of prompt id → match id');
      let right = 0;
      for (const [promptId, matchId] of Object.entries(pairs)) {
        const at = `${path}/pairs/${escapePointerToken(promptId)}`;
        const prompt =
          question.prompts.find((p) => p.id === promptId) ??
          unknownOption(at, question.id, 'prompt', promptId);
        if (typeof matchId !== 'string') throw new QuizAnswerError('bad-answer', at, `${at}: a match id`);
        if (!question.matches.some((m) => m.id === matchId)) unknownOption(at, question.id, 'match', matchId);
        if (prompt.matchId === matchId) right += 1;
      }
      return { questionId: question.id, possible, ...share(possible, right, question.prompts.length) };
    }
    case 'essay': {
      const text = field(answer, 'text', isString, path, 'a text of up to 10,000 characters');
      return text.trim() === '' ? result('unanswered', 0) : result('needs-grading', null);
    }
  }
}
