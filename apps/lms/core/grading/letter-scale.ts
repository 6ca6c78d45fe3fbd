import { GradingInputError } from './grading-input-error.js';
import { hundredths } from './points.js';

/** One step of a letter-grade scale: a course grade of at least `minPercent` earns `letter`. */
export interface LetterCutoff {
  /** `A`, `B+`, `sehr gut`: 1 to 20 characters */
  letter: string;
  /** percent, at most two decimals, from 0 to 1,000 (extra credit may pass 100) */
  minPercent: number;
}

/** A checked scale: cutoffs from the highest down, each in hundredths of a percent. */
export interface LetterScale {
  cutoffs: readonly { letter: string; minBp: number }[];
}

/**
 * Checks a letter-grade scale: cutoffs listed from the highest down with strictly decreasing
 * `minPercent`, distinct letters, and a last cutoff at 0 % so every grade has a letter.
 *
 * @throws GradingInputError naming the cutoff (`/scale/2/minPercent`) that breaks a rule
 * @example
 * const scale = letterScale([{ letter: 'A', minPercent: 90 }, { letter: 'B', minPercent: 80 }, { letter: 'F', minPercent: 0 }]);
 * letterFor(scale, 8_999) // 'B'
 */
export function letterScale(cutoffs: readonly LetterCutoff[], path = '/scale'): LetterScale {
  if (!Array.isArray(cutoffs) || cutoffs.length === 0 || cutoffs.length > 50)
    throw new GradingInputError(path, `${path}: a letter scale has 1 to 50 cutoffs`);
  const seen = new Set<string>();
  const checked = cutoffs.map((cutoff, i) => {
    const at = `${path}/${i}`;
    const letter: unknown = cutoff?.letter;
    if (typeof letter !== 'string' || letter.trim() === '' || letter.length > 20)
      throw new GradingInputError(`${at}/letter`, `${at}/letter: a letter is 1 to 20 characters`);
    if (seen.has(letter))
      throw new GradingInputError(`${at}/letter`, `${at}/letter: "${letter}" appears twice in the scale`);
    seen.add(letter);
    return { letter, minBp: hundredths(cutoff.minPercent, `${at}/minPercent`, 1_000) };
  });
  checked.forEach(({ letter, minBp }, i) => {
    const above = checked[i - 1];
    if (above !== undefined && minBp >= above.minBp)
      throw new GradingInputError(
        `${path}/${i}/minPercent`,
        `${path}/${i}/minPercent: "${letter}" starts at ${minBp / 100} %, not below "${above.letter}" at ${above.minBp / 100} %; list cutoffs from the highest down`,
      );
  });
  const last = checked[checked.length - 1];
  if (last !== undefined && last.minBp !== 0)
    throw new GradingInputError(
      `${path}/${checked.length - 1}/minPercent`,
      `${path}/${checked.length - 1}/minPercent: the lowest cutoff must start at 0 % so every grade has a letter`,
    );
  return { cutoffs: checked };
}

/**
 * The letter of a course grade given in hundredths of a percent: the first cutoff from the top
 * that the grade reaches. A grade exactly on a cutoff earns that cutoff's letter.
 *
 * @example
 * letterFor(scale, 9_000) // 'A' with an A cutoff at 90 %
 */
export function letterFor(scale: LetterScale, percentBp: number): string {
  for (const { letter, minBp } of scale.cutoffs) if (percentBp >= minBp) return letter;
  // unreachable for a checked scale (its last cutoff is 0 %), kept for a negative input
  throw new GradingInputError('', `no letter for a grade of ${percentBp / 100} %`);
}
