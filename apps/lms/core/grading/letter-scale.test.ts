import { describe, expect, it } from 'vitest';
import { letterFor, letterScale } from './letter-scale.js';

const scale = letterScale([
  { letter: 'A', minPercent: 90 },
  { letter: 'B+', minPercent: 87.5 },
  { letter: 'B', minPercent: 80 },
  { letter: 'F', minPercent: 0 },
]);

describe('letterScale', () => {
  it('gives the letter of the first cutoff a grade reaches, a grade on a cutoff included', () => {
    expect(letterFor(scale, 10_500)).toBe('A');
    expect(letterFor(scale, 9_000)).toBe('A');
    expect(letterFor(scale, 8_999)).toBe('B+');
    expect(letterFor(scale, 8_750)).toBe('B+');
    expect(letterFor(scale, 8_749)).toBe('B');
    expect(letterFor(scale, 0)).toBe('F');
  });

  it('refuses a scale out of order, with a gap at the bottom, repeated letters or bad values', () => {
    const cases: [unknown, string, RegExp][] = [
      [[], '/scale', /1 to 50 cutoffs/],
      [
        [
          { letter: 'B', minPercent: 80 },
          { letter: 'A', minPercent: 90 },
          { letter: 'F', minPercent: 0 },
        ],
        '/scale/1/minPercent',
        /list cutoffs from the highest down/,
      ],
      [
        [
          { letter: 'A', minPercent: 90 },
          { letter: 'B', minPercent: 90 },
          { letter: 'F', minPercent: 0 },
        ],
        '/scale/1/minPercent',
        /not below "A"/,
      ],
      [
        [
          { letter: 'A', minPercent: 90 },
          { letter: 'D', minPercent: 60 },
        ],
        '/scale/1/minPercent',
        /must start at 0 %/,
      ],
      [
        [
          { letter: 'A', minPercent: 90 },
          { letter: 'A', minPercent: 0 },
        ],
        '/scale/1/letter',
        /appears twice/,
      ],
      [[{ letter: ' ', minPercent: 0 }], '/scale/0/letter', /1 to 20 characters/],
      [
        [
          { letter: 'A', minPercent: 90.125 },
          { letter: 'F', minPercent: 0 },
        ],
        '/scale/0/minPercent',
        /more than two decimals/,
      ],
      [[{ letter: 'A', minPercent: -1 }], '/scale/0/minPercent', /from 0 to 1000/],
    ];
    for (const [cutoffs, path, message] of cases) {
      expect(() => letterScale(cutoffs as never), path).toThrow(
        expect.objectContaining({ name: 'GradingInputError', path }),
      );
      expect(() => letterScale(cutoffs as never), path).toThrow(message);
    }
  });
});
