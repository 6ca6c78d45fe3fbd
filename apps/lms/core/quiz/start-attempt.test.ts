import { describe, expect, it } from 'vitest';
import { allQuestions } from './quiz-questions.test-helper.js';
import { startAttempt } from './start-attempt.js';

const ids = allQuestions.map((q) => q.id);

describe('startAttempt', () => {
  it('keeps the order when nothing is shuffled', () => {
    const layout = startAttempt({}, allQuestions, 0, 'seed');
    expect(layout.attemptNumber).toBe(1);
    expect(layout.questionIds).toEqual(ids);
    expect(layout.optionOrder).toEqual({
      single: ['a', 'b'],
      multiple: ['a', 'b', 'c', 'd'],
      match: ['berlin', 'paris', 'rome', 'madrid'],
    });
  });

  it('shuffles by the seed alone: the same seed the same order, other seeds other orders', () => {
    const settings = { shuffleQuestions: true, shuffleOptions: true };
    const first = startAttempt(settings, allQuestions, 0, 'attempt-1');
    expect(startAttempt(settings, allQuestions, 0, 'attempt-1')).toEqual(first);
    expect([...first.questionIds].sort()).toEqual([...ids].sort());
    expect([...(first.optionOrder.multiple ?? [])].sort()).toEqual(['a', 'b', 'c', 'd']);
    const orders = new Set(
      Array.from({ length: 20 }, (_, i) =>
        startAttempt(settings, allQuestions, 0, `attempt-${i}`).questionIds.join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(10);
  });

  it('refuses an attempt over the limit', () => {
    expect(startAttempt({ maxAttempts: 2 }, allQuestions, 1, 's').attemptNumber).toBe(2);
    expect(() => startAttempt({ maxAttempts: 2 }, allQuestions, 2, 's')).toThrow(
      expect.objectContaining({
        code: 'attempts-exhausted',
        path: '/attempts',
        message: '/attempts: all 2 attempts of this quiz are used',
      }),
    );
    expect(startAttempt({ maxAttempts: null }, allQuestions, 99, 's').attemptNumber).toBe(100);
    expect(() => startAttempt({}, allQuestions, -1, 's')).toThrow(
      expect.objectContaining({ code: 'bad-answer' }),
    );
  });
});
