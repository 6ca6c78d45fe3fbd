import { describe, expect, it } from 'vitest';
import { gradeAttempt } from './grade-attempt.js';
import { learnerFeedback } from './learner-feedback.js';
import { sampleQuestions as q } from './quiz-questions.test-helper.js';

const questions = [q.single, q.numerical, q.essay];
const result = gradeAttempt({
  questions,
  answers: { single: { optionId: 'a' }, num: { value: 3.14 }, essay: { text: 'text' } },
  startedAt: '2026-03-01T10:00:00Z',
  submittedAt: '2026-03-01T10:05:00Z',
});
const clock = { now: '2026-03-01T10:05:00Z', dueAt: '2026-03-02T00:00:00Z' };

describe('learnerFeedback', () => {
  it('immediate: the score, each result and the right answers', () => {
    const feedback = learnerFeedback(result, questions, { mode: 'immediate', ...clock });
    expect(feedback).toMatchObject({ shows: 'all', score: 200, possible: 900, provisional: true });
    expect(
      feedback.shows === 'all' && feedback.questions.map((x) => [x.questionId, x.status, x.correct]),
    ).toEqual([
      ['single', 'incorrect', { optionId: 'b' }],
      ['num', 'correct', { value: 3.14, tolerance: { kind: 'absolute', amount: 0.01 } }],
      ['essay', 'needs-grading', null],
    ]);
  });

  it('after due: nothing before the due date, everything after it', () => {
    expect(learnerFeedback(result, questions, { mode: 'after-due', ...clock })).toEqual({
      shows: 'nothing',
      availableAt: clock.dueAt,
    });
    expect(learnerFeedback(result, questions, { mode: 'after-due', ...clock, now: clock.dueAt }).shows).toBe(
      'all',
    );
    expect(learnerFeedback(result, questions, { mode: 'after-due', now: clock.now }).shows).toBe('all');
  });

  it('refuses an unreadable date or mode instead of showing answers by mistake', () => {
    expect(() =>
      learnerFeedback(result, questions, { mode: 'after-due', now: clock.now, dueAt: 'Friday' }),
    ).toThrow(expect.objectContaining({ code: 'bad-answer', path: '/dueAt' }));
    expect(() => learnerFeedback(result, questions, { mode: 'later' as never, ...clock })).toThrow(
      expect.objectContaining({ code: 'bad-question', path: '/feedbackMode' }),
    );
  });

  it('never: the score only, no results per question and no right answers', () => {
    const feedback = learnerFeedback(result, questions, {
      mode: 'never',
      ...clock,
      now: '2027-01-01T00:00:00Z',
    });
    expect(feedback).toEqual({ shows: 'score', score: 200, possible: 900, provisional: true });
  });
});
