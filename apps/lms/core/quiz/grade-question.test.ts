import { describe, expect, it } from 'vitest';
import { gradeQuestion } from './grade-question.js';
import type { Question } from './question.js';
import { sampleQuestions as q } from './quiz-questions.test-helper.js';

const grade = (question: Question, answer: unknown) =>
  gradeQuestion(question, Math.round(question.points * 100), answer, `/answers/${question.id}`);
const outcome = (question: Question, answer: unknown) => {
  const { status, score } = grade(question, answer);
  return [status, score];
};

function refused(question: Question, answer: unknown): { code: string; path: string } {
  try {
    grade(question, answer);
  } catch (error) {
    const { code, path } = error as { code: string; path: string };
    return { code, path };
  }
  throw new Error('the answer was accepted');
}

describe('gradeQuestion', () => {
  it('single choice: the right option or nothing', () => {
    expect(outcome(q.single, { optionId: 'b' })).toEqual(['correct', 200]);
    expect(outcome(q.single, { optionId: 'a' })).toEqual(['incorrect', 0]);
    expect(outcome(q.single, undefined)).toEqual(['unanswered', 0]);
    expect(refused(q.single, { optionId: 'z' })).toEqual({
      code: 'unknown-option',
      path: '/answers/single/optionId',
    });
    expect(refused(q.single, { optionIds: ['b'] })).toEqual({
      code: 'bad-answer',
      path: '/answers/single/optionId',
    });
  });

  it('multiple choice: right minus wrong over the right ones, never below 0', () => {
    expect(outcome(q.multiple, { optionIds: ['c', 'a', 'b'] })).toEqual(['correct', 300]);
    expect(outcome(q.multiple, { optionIds: ['a', 'b'] })).toEqual(['partial', 200]);
    // (1 right) of 3 = 1 point; (2 right − 1 wrong) of 3 = 1 point
    expect(outcome(q.multiple, { optionIds: ['a'] })).toEqual(['partial', 100]);
    expect(outcome(q.multiple, { optionIds: ['a', 'b', 'd'] })).toEqual(['partial', 100]);
    // everything chosen: 3 − 1 = 2 of 3; only the wrong one: 0
    expect(outcome(q.multiple, { optionIds: ['a', 'b', 'c', 'd'] })).toEqual(['partial', 200]);
    expect(outcome(q.multiple, { optionIds: ['d'] })).toEqual(['incorrect', 0]);
    expect(outcome(q.multiple, { optionIds: [] })).toEqual(['incorrect', 0]);
    expect(refused(q.multiple, { optionIds: ['a', 'x'] })).toEqual({
      code: 'unknown-option',
      path: '/answers/multiple/optionIds/1',
    });
    expect(refused(q.multiple, { optionIds: ['a', 'a'] })).toEqual({
      code: 'bad-answer',
      path: '/answers/multiple/optionIds',
    });
    expect(refused(q.multiple, { optionIds: 'a' })).toEqual({
      code: 'bad-answer',
      path: '/answers/multiple/optionIds',
    });
  });

  it('rounds partial credit half-up to a hundredth of a point', () => {
    const one: Question = { ...q.multiple, points: 1 };
    // 1 of 3 right of 1 point = 0.333… → 0.33; 2 of 3 = 0.666… → 0.67
    expect(outcome(one, { optionIds: ['a'] })).toEqual(['partial', 33]);
    expect(outcome(one, { optionIds: ['a', 'b'] })).toEqual(['partial', 67]);
  });

  it('true/false', () => {
    expect(outcome(q.trueFalse, { value: false })).toEqual(['correct', 100]);
    expect(outcome(q.trueFalse, { value: true })).toEqual(['incorrect', 0]);
    expect(refused(q.trueFalse, { value: 'false' })).toEqual({
      code: 'bad-answer',
      path: '/answers/tf/value',
    });
  });

  it('short answer: any accepted answer, after case, whitespace and NFC normalisation', () => {
    expect(outcome(q.short, { text: '  cafe\u0301   AU lait ' })).toEqual(['correct', 100]);
    expect(outcome(q.short, { text: 'LATTE' })).toEqual(['correct', 100]);
    expect(outcome(q.short, { text: 'cafe au lait' })).toEqual(['incorrect', 0]);
    expect(outcome(q.short, { text: '   ' })).toEqual(['unanswered', 0]);
    expect(outcome({ ...q.short, caseSensitive: true }, { text: 'latte' })).toEqual(['correct', 100]);
    expect(outcome({ ...q.short, caseSensitive: true }, { text: 'Latte' })).toEqual(['incorrect', 0]);
    expect(refused(q.short, { text: 42 })).toEqual({ code: 'bad-answer', path: '/answers/short/text' });
  });

  it('numerical: inside the tolerance, bounds included, compared as decimals', () => {
    expect(outcome(q.numerical, { value: 3.15 })).toEqual(['correct', 200]);
    expect(outcome(q.numerical, { value: 3.13 })).toEqual(['correct', 200]);
    expect(outcome(q.numerical, { value: 3.1501 })).toEqual(['incorrect', 0]);
    const relative: Question = { ...q.numerical, value: 200, tolerance: { kind: 'relative', percent: 2.5 } };
    expect(outcome(relative, { value: 195 })).toEqual(['correct', 200]);
    expect(outcome(relative, { value: 205.01 })).toEqual(['incorrect', 0]);
    expect(outcome({ ...q.numerical, tolerance: undefined }, { value: 3.14 })).toEqual(['correct', 200]);
    expect(refused(q.numerical, { value: Number.NaN })).toEqual({
      code: 'bad-answer',
      path: '/answers/num/value',
    });
    expect(refused(q.numerical, { value: '3.14' })).toEqual({
      code: 'bad-answer',
      path: '/answers/num/value',
    });
  });

  it('matching: a share per prompt matched right; distractors and unknown ids', () => {
    expect(outcome(q.matching, { pairs: { de: 'berlin', fr: 'paris', it: 'rome' } })).toEqual([
      'correct',
      100,
    ]);
    expect(outcome(q.matching, { pairs: { de: 'berlin', fr: 'madrid' } })).toEqual(['partial', 33]);
    expect(outcome(q.matching, { pairs: {} })).toEqual(['incorrect', 0]);
    expect(refused(q.matching, { pairs: { es: 'madrid' } })).toEqual({
      code: 'unknown-option',
      path: '/answers/match/pairs/es',
    });
    expect(refused(q.matching, { pairs: { de: 'bonn' } })).toEqual({
      code: 'unknown-option',
      path: '/answers/match/pairs/de',
    });
    expect(refused(q.matching, { pairs: { de: 1 } })).toEqual({
      code: 'bad-answer',
      path: '/answers/match/pairs/de',
    });
    expect(refused(q.matching, { pairs: [] })).toEqual({ code: 'bad-answer', path: '/answers/match/pairs' });
  });

  it('essay: needs grading, with no score yet', () => {
    expect(outcome(q.essay, { text: 'An answer.' })).toEqual(['needs-grading', null]);
    expect(outcome(q.essay, { text: ' ' })).toEqual(['unanswered', 0]);
    expect(refused(q.essay, 'free text')).toEqual({ code: 'bad-answer', path: '/answers/essay' });
  });
});
