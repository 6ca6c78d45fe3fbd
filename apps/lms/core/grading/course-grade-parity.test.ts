import { describe, expect, it } from 'vitest';
import { courseGrade } from './course-grade.js';
import { parityAnswers, parityCases } from './course-grade-parity.test-helper.js';
import { gradebook } from './gradebook.js';
import { referenceCourseGrade } from './reference-course-grade.test-helper.js';

/**
 * The server side of "the browser and the server compute the same grade": on Node, the parity
 * cases match the reference and the snapshot file, which src/grading/course-grade-parity.test.ts
 * holds the browser's answers to.
 */
describe('course grade parity (server)', () => {
  it('matches the reference on every parity case', () => {
    for (const { setup, learners } of parityCases()) {
      const book = gradebook(setup);
      for (const grades of learners) {
        const { percentBp, letter } = courseGrade(book, grades);
        const reference = referenceCourseGrade(setup, grades);
        expect({ percentBp, letter }).toEqual({ percentBp: reference.percentBp, letter: reference.letter });
      }
    }
  });

  it('gives the answers in the snapshot the browser test also checks', async () => {
    await expect(parityAnswers()).toMatchFileSnapshot('./course-grade-parity.snap.txt');
  });
});
