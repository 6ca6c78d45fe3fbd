import fc from 'fast-check';
import { courseGrade } from './course-grade.js';
import { gradebook } from './gradebook.js';
import { type GradebookCase, gradebookCases } from './random-gradebook.test-helper.js';

/** The seed of the parity cases: change it and both runtimes' snapshot changes with it. */
const paritySeed = 17;

/** The same 150 random gradebooks in every runtime: fast-check's generator is a seeded PRNG. */
export function parityCases(): GradebookCase[] {
  return fc.sample(gradebookCases, { seed: paritySeed, numRuns: 150 });
}

/**
 * The production `courseGrade` of every learner of every parity case, one case per line:
 * `[percentBp, letter, [category scores in billionths]]` per learner. The server's test and the
 * browser's test both hold this text to the one snapshot file, `course-grade-parity.snap.txt`.
 */
export function parityAnswers(): string {
  return parityCases()
    .map(({ setup, learners }, i) => {
      const book = gradebook(setup);
      const answers = learners.map((grades) => {
        const { percentBp, letter, categories } = courseGrade(book, grades);
        return [percentBp, letter, categories.map((c) => c.scorePpb)];
      });
      return `${i} ${JSON.stringify(answers)}`;
    })
    .join('\n');
}
