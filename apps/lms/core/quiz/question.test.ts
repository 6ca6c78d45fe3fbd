import { describe, expect, it } from 'vitest';
import { checkQuestion, type Question } from './question.js';
import { allQuestions, sampleQuestions as q } from './quiz-questions.test-helper.js';

function refusedAt(question: unknown): string | undefined {
  try {
    checkQuestion(question as Question, '/questions/0');
  } catch (error) {
    expect(error).toMatchObject({ name: 'QuizAnswerError', code: 'bad-question' });
    return (error as { path: string }).path;
  }
  return undefined;
}

describe('checkQuestion', () => {
  it('accepts a well-defined question of every type and gives its points in hundredths', () => {
    expect(allQuestions.map((question) => checkQuestion(question, '/q'))).toEqual([
      200, 300, 100, 100, 200, 100, 500,
    ]);
  });

  it('refuses ill-defined questions with the path of the fault', () => {
    const cases: [unknown, string][] = [
      [{ ...q.single, points: 0 }, '/questions/0/points'],
      [{ ...q.single, points: 1.005 }, '/questions/0/points'],
      [
        {
          ...q.single,
          options: [
            { id: 'a', correct: true },
            { id: 'b', correct: true },
          ],
        },
        '/questions/0/options',
      ],
      [{ ...q.multiple, options: [{ id: 'a', correct: false }] }, '/questions/0/options'],
      [
        {
          ...q.multiple,
          options: [
            { id: 'a', correct: true },
            { id: 'a', correct: false },
          ],
        },
        '/questions/0/options/1/id',
      ],
      [{ ...q.multiple, options: [] }, '/questions/0/options'],
      [{ ...q.trueFalse, correct: 'yes' }, '/questions/0/correct'],
      [{ ...q.short, accepted: [] }, '/questions/0/accepted'],
      [{ ...q.short, accepted: [' '] }, '/questions/0/accepted'],
      [{ ...q.numerical, value: Number.POSITIVE_INFINITY }, '/questions/0/value'],
      [{ ...q.numerical, tolerance: { kind: 'absolute', amount: -1 } }, '/questions/0/tolerance/amount'],
      [{ ...q.numerical, tolerance: { kind: 'relative', percent: 101 } }, '/questions/0/tolerance/percent'],
      [{ ...q.numerical, tolerance: { kind: 'wide' } }, '/questions/0/tolerance/kind'],
      [{ ...q.matching, prompts: [{ id: 'de', matchId: 'bonn' }] }, '/questions/0/prompts/0/matchId'],
      [{ ...q.essay, type: 'drawing' }, '/questions/0/type'],
    ];
    for (const [question, path] of cases) expect(refusedAt(question), path).toBe(path);
  });
});
