import { describe, expect, it } from 'vitest';
import { stageProbability } from './stage-probability.js';

const open = { stageId: 's1', status: 'open', probability: 0.2 };

describe('stageProbability', () => {
  it('gives a new deal its stage default unless it brings its own', () => {
    expect(stageProbability({ next: { stageId: 's1', status: 'open' }, stageDefault: 0.2 })).toBe(0.2);
    expect(stageProbability({ next: { ...open, probability: null }, stageDefault: 0.2 })).toBe(0.2);
    expect(stageProbability({ next: { ...open, probability: 0.65 }, stageDefault: 0.2 })).toBe(0.65);
    expect(stageProbability({ next: { ...open, probability: 0 }, stageDefault: 0.2 })).toBe(0);
  });

  it('creates closed deals certain: won 1, lost 0, unless told otherwise', () => {
    expect(stageProbability({ next: { stageId: 's1', status: 'won' }, stageDefault: 0.2 })).toBe(1);
    expect(stageProbability({ next: { stageId: 's1', status: 'lost' }, stageDefault: 0.2 })).toBe(0);
    expect(
      stageProbability({ next: { stageId: 's1', status: 'won', probability: 0.9 }, stageDefault: 0.2 }),
    ).toBe(0.9);
  });

  it('takes the new stage default on a move, unless the same write sets a probability', () => {
    expect(stageProbability({ next: { ...open, stageId: 's2' }, previous: open, stageDefault: 0.5 })).toBe(
      0.5,
    );
    expect(
      stageProbability({
        next: { ...open, stageId: 's2', probability: 0.7 },
        previous: open,
        stageDefault: 0.5,
      }),
    ).toBe(0.7);
    expect(
      stageProbability({
        next: { ...open, stageId: 's2', probability: null },
        previous: open,
        stageDefault: 0.5,
      }),
    ).toBeNull();
  });

  it("keeps a rep's estimate through edits that do not move the deal", () => {
    const estimated = { ...open, probability: 0.35 };
    expect(stageProbability({ next: estimated, previous: estimated, stageDefault: 0.2 })).toBe(0.35);
    expect(stageProbability({ next: { ...open, probability: 0.9 }, previous: open, stageDefault: 0.2 })).toBe(
      0.9,
    );
  });

  it('is 1 when won, 0 when lost, and the stage default again when reopened', () => {
    expect(stageProbability({ next: { ...open, status: 'won' }, previous: open, stageDefault: 0.2 })).toBe(1);
    expect(stageProbability({ next: { ...open, status: 'lost' }, previous: open, stageDefault: 0.2 })).toBe(
      0,
    );
    const won = { ...open, status: 'won', probability: 1 };
    expect(stageProbability({ next: { ...won, status: 'open' }, previous: won, stageDefault: 0.2 })).toBe(
      0.2,
    );
  });
});
