import { describe, expect, it } from 'vitest';
import type { AttemptResult } from './grade-attempt.js';
import { quizScore } from './quiz-score.js';

const attempt = (score: number, possible: number, pending = 0): AttemptResult => ({
  score,
  possible,
  pending,
  questions: [],
});

describe('quizScore', () => {
  const attempts = [attempt(600, 1_000), attempt(270, 300), attempt(50, 100, 1)];

  it('takes the highest share, the mean of the shares or the last, scaled to the item points', () => {
    // shares 60 %, 90 %, 50 %; the item is worth 20 points
    expect(quizScore(attempts, 'highest', 2_000)).toEqual({ points: 1_800, provisional: false });
    expect(quizScore(attempts, 'average', 2_000)).toEqual({ points: 1_333, provisional: true });
    expect(quizScore(attempts, 'last', 2_000)).toEqual({ points: 1_000, provisional: true });
    expect(quizScore(attempts, 'first', 2_000)).toEqual({ points: 1_200, provisional: false });
    expect(quizScore([], 'highest', 2_000)).toBeNull();
  });

  it('picks the earliest of equal highest shares and rounds once, half-up', () => {
    expect(quizScore([attempt(1, 2, 1), attempt(50, 100)], 'highest', 100)).toEqual({
      points: 50,
      provisional: true,
    });
    // (1/3 + 1/2) / 2 × 1 point = 0.41666… → 0.42
    expect(quizScore([attempt(1, 3), attempt(1, 2)], 'average', 100)?.points).toBe(42);
  });

  it('refuses an attempt without possible points', () => {
    expect(() => quizScore([attempt(0, 0)], 'last', 100)).toThrow(
      expect.objectContaining({ path: '/attempts/0' }),
    );
  });
});
