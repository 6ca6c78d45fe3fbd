import type { QuizAttempt } from '../../core/generated/client/types.gen.js';
import type { questions } from '../../core/generated/tables.js';
import type { Answer, Question } from '../../core/quiz/question.js';

type QuestionRow = typeof questions.$inferSelect;
type Option = { id: string; text: string };
type AnswerKey = {
  choiceIds?: string[];
  value?: boolean;
  accepted?: string[];
  caseSensitive?: boolean;
  number?: number;
  tolerance?: number;
  pairs?: { promptId: string; optionId: string }[];
};

/**
 * A stored question (`question.schema.json`: options, match prompts and an answer key) as the
 * quiz graders of `core/quiz` take it. A key that does not fit its type (no correct option) comes
 * out as a question the graders refuse (`bad-question`), never as a guess.
 *
 * @example
 * gradeAttempt({ questions: rows.map(gradingQuestion), answers, startedAt, submittedAt })
 */
export function gradingQuestion(row: QuestionRow): Question {
  // jsonb columns, stored as the question schema validated them
  const options = row.options as Option[];
  const key = (row.answerKey ?? {}) as AnswerKey;
  const base = { id: row.id, points: row.points };
  const correct = new Set(key.choiceIds ?? []);
  switch (row.type) {
    case 'single-choice':
    case 'multiple-choice':
      return {
        ...base,
        type: row.type,
        options: options.map((o) => ({ id: o.id, correct: correct.has(o.id) })),
      };
    case 'true-false':
      return { ...base, type: 'true-false', correct: key.value === true };
    case 'short-answer':
      return {
        ...base,
        type: 'short-answer',
        accepted: key.accepted ?? [],
        caseSensitive: key.caseSensitive ?? false,
      };
    case 'numerical':
      return {
        ...base,
        type: 'numerical',
        value: key.number ?? Number.NaN,
        ...(key.tolerance == null ? {} : { tolerance: { kind: 'absolute', amount: key.tolerance } }),
      };
    case 'matching': {
      const match = new Map((key.pairs ?? []).map((pair) => [pair.promptId, pair.optionId]));
      return {
        ...base,
        type: 'matching',
        prompts: (row.matchPrompts as Option[]).map((prompt) => ({
          id: prompt.id,
          matchId: match.get(prompt.id) ?? '',
        })),
        matches: options.map((option) => ({ id: option.id })),
      };
    }
    case 'essay':
      return { ...base, type: 'essay' };
  }
}

type StoredAnswer = NonNullable<QuizAttempt['answers']>[number];

/**
 * A learner's answer as the attempt stores it (`quiz-attempt.schema.json`), with its graded
 * points (hundredths in, points out) and whether it was right.
 */
export function storedAnswer(
  questionId: string,
  answer: Answer | undefined,
  result: { status: string; score: number | null },
): StoredAnswer {
  const given = (answer ?? {}) as Record<string, unknown>;
  const stored: StoredAnswer = {
    questionId,
    points: result.score === null ? null : result.score / 100,
    correct: result.status === 'needs-grading' ? null : result.status === 'correct',
  };
  if (typeof given.optionId === 'string') stored.choiceIds = [given.optionId];
  if (Array.isArray(given.optionIds)) stored.choiceIds = given.optionIds as string[];
  if (typeof given.value === 'boolean') stored.value = given.value;
  if (typeof given.value === 'number') stored.number = given.value;
  if (typeof given.text === 'string') stored.text = given.text;
  if (given.pairs !== null && typeof given.pairs === 'object')
    stored.pairs = Object.entries(given.pairs as Record<string, string>).map(([promptId, optionId]) => ({
      promptId,
      optionId,
    }));
  return stored;
}
