import type { Question } from './question.js';

/** One question of every type, the bank the quiz tests share. */
export const sampleQuestions = {
  single: {
    id: 'single',
    type: 'single-choice',
    points: 2,
    options: [
      { id: 'a', correct: false },
      { id: 'b', correct: true },
    ],
  },
  multiple: {
    id: 'multiple',
    type: 'multiple-choice',
    points: 3,
    options: [
      { id: 'a', correct: true },
      { id: 'b', correct: true },
      { id: 'c', correct: true },
      { id: 'd', correct: false },
    ],
  },
  trueFalse: { id: 'tf', type: 'true-false', points: 1, correct: false },
  short: { id: 'short', type: 'short-answer', points: 1, accepted: ['Café au lait', 'latte'] },
  numerical: {
    id: 'num',
    type: 'numerical',
    points: 2,
    value: 3.14,
    tolerance: { kind: 'absolute', amount: 0.01 },
  },
  matching: {
    id: 'match',
    type: 'matching',
    points: 1,
    prompts: [
      { id: 'de', matchId: 'berlin' },
      { id: 'fr', matchId: 'paris' },
      { id: 'it', matchId: 'rome' },
    ],
    matches: [{ id: 'berlin' }, { id: 'paris' }, { id: 'rome' }, { id: 'madrid' }],
  },
  essay: { id: 'essay', type: 'essay', points: 5 },
} satisfies Record<string, Question>;

export const allQuestions: Question[] = Object.values(sampleQuestions);
