import { describe, expect, it } from 'vitest';
import { applyManualScores } from './apply-manual-scores.js';
import { type AttemptSubmission, gradeAttempt } from './grade-attempt.js';
import { allQuestions } from './quiz-questions.test-helper.js';

const submission: AttemptSubmission = {
  questions: allQuestions,
  answers: {
    single: { optionId: 'b' },
    multiple: { optionIds: ['a', 'b'] },
    tf: { value: true },
    short: { text: 'latte' },
    num: { value: 3.15 },
    match: { pairs: { de: 'berlin', fr: 'paris', it: 'rome' } },
    essay: { text: 'Because…' },
  },
  startedAt: '2026-03-01T10:00:00Z',
  submittedAt: '2026-03-01T10:10:20Z',
  timeLimitSeconds: 600,
};

function refused(input: AttemptSubmission): { code: string; path: string } {
  try {
    gradeAttempt(input);
  } catch (error) {
    const { code, path } = error as { code: string; path: string };
    return { code, path };
  }
  throw new Error('the attempt was accepted');
}

describe('gradeAttempt', () => {
  it('grades every question, sums the points and counts the essays waiting', () => {
    const result = gradeAttempt(submission);
    expect(result.questions.map((q) => [q.questionId, q.status, q.score])).toEqual([
      ['single', 'correct', 200],
      ['multiple', 'partial', 200],
      ['tf', 'incorrect', 0],
      ['short', 'correct', 100],
      ['num', 'correct', 200],
      ['match', 'correct', 100],
      ['essay', 'needs-grading', null],
    ]);
    expect(result).toMatchObject({ score: 800, possible: 1_500, pending: 1 });
  });

  it('counts a question without an answer as unanswered', () => {
    const result = gradeAttempt({ ...submission, answers: { single: { optionId: 'b' } } });
    expect(result).toMatchObject({ score: 200, pending: 0 });
    expect(result.questions.filter((q) => q.status === 'unanswered')).toHaveLength(6);
  });

  it('refuses an answer to a question not in the attempt, and any bad answer, whole', () => {
    expect(
      refused({ ...submission, answers: { ...submission.answers, 'extra/1': { value: true } } }),
    ).toEqual({
      code: 'unknown-question',
      path: '/answers/extra~11',
    });
    expect(
      refused({ ...submission, answers: { ...submission.answers, multiple: { optionIds: ['a', 'zz'] } } }),
    ).toEqual({
      code: 'unknown-option',
      path: '/answers/multiple/optionIds/1',
    });
    expect(refused({ ...submission, answers: [] as never })).toEqual({
      code: 'bad-answer',
      path: '/answers',
    });
  });

  it('takes a submission within the time limit plus grace, and refuses one after it or after closing', () => {
    expect(gradeAttempt({ ...submission, submittedAt: '2026-03-01T10:10:30Z' }).possible).toBe(1_500);
    expect(refused({ ...submission, submittedAt: '2026-03-01T10:10:31Z' })).toEqual({
      code: 'time-limit-exceeded',
      path: '/submittedAt',
    });
    expect(
      gradeAttempt({ ...submission, submittedAt: '2026-03-01T10:12:00Z', graceSeconds: 120 }).possible,
    ).toBe(1_500);
    expect(refused({ ...submission, closesAt: '2026-03-01T10:05:00Z' })).toEqual({
      code: 'quiz-closed',
      path: '/submittedAt',
    });
    expect(refused({ ...submission, submittedAt: '2026-03-01T09:00:00Z' })).toEqual({
      code: 'bad-answer',
      path: '/submittedAt',
    });
    expect(refused({ ...submission, startedAt: 'soon' })).toEqual({ code: 'bad-answer', path: '/startedAt' });
    expect(refused({ ...submission, timeLimitSeconds: 0 })).toEqual({
      code: 'bad-question',
      path: '/timeLimitSeconds',
    });
    expect(refused({ ...submission, graceSeconds: -1 })).toEqual({
      code: 'bad-question',
      path: '/graceSeconds',
    });
    expect(
      gradeAttempt({ ...submission, timeLimitSeconds: null, submittedAt: '2026-03-02T10:00:00Z' }).pending,
    ).toBe(1);
  });
});

describe('applyManualScores', () => {
  it("adds the instructor's essay score and clears the pending count", () => {
    const graded = applyManualScores(gradeAttempt(submission), { essay: 4.5 });
    expect(graded).toMatchObject({ score: 1_250, possible: 1_500, pending: 0 });
    expect(graded.questions.at(-1)).toMatchObject({ status: 'partial', score: 450 });
    expect(applyManualScores(gradeAttempt(submission), { essay: 5, tf: 0 }).questions.at(-1)?.status).toBe(
      'correct',
    );
  });

  it('refuses a score for an unknown question or out of range', () => {
    const result = gradeAttempt(submission);
    expect(() => applyManualScores(result, { nope: 1 })).toThrow(
      expect.objectContaining({ code: 'unknown-question', path: '/scores/nope' }),
    );
    expect(() => applyManualScores(result, { essay: 5.01 })).toThrow(
      expect.objectContaining({ code: 'bad-answer', path: '/scores/essay' }),
    );
    expect(() => applyManualScores(result, { essay: 2.345 })).toThrow(
      expect.objectContaining({ code: 'bad-answer' }),
    );
    expect(() => applyManualScores(result, { essay: -1 })).toThrow(
      expect.objectContaining({ code: 'bad-answer' }),
    );
  });
});
