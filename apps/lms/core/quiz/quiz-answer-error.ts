/**
 * Why a quiz refuses an input, one code per reason; the server maps every code to 422 problem+json
 * except `attempts-exhausted`, `time-limit-exceeded` and `quiz-closed` (409: the request was well
 * formed, the quiz state refuses it).
 */
export const quizErrorCodes = {
  'bad-question': 'the question is not well defined',
  'bad-answer': 'the answer does not have the shape its question type needs',
  'unknown-option': 'the answer names an option, prompt or match the question does not have',
  'unknown-question': 'the answer is for a question that is not in this attempt',
  'attempts-exhausted': 'every attempt the quiz allows is used',
  'time-limit-exceeded': 'the attempt was submitted after its time limit',
  'quiz-closed': 'the quiz closed before the attempt was submitted',
} as const;

export type QuizErrorCode = keyof typeof quizErrorCodes;

/**
 * A quiz input refused: the code (from `quizErrorCodes`), the JSON Pointer of the field
 * (`/answers/q3/optionIds/1`) and a sentence naming it. A `RangeError`, like the grading errors.
 *
 * @example
 * throw new QuizAnswerError('unknown-option', '/answers/q3/optionId', 'question "q3" has no option "z"');
 */
export class QuizAnswerError extends RangeError {
  override readonly name = 'QuizAnswerError';

  constructor(
    readonly code: QuizErrorCode,
    /** JSON Pointer of the field, `''` for the input itself */
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}
