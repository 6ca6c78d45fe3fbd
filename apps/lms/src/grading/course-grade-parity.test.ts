import { describe, expect, it } from 'vitest';
import { parityAnswers } from '../../core/grading/course-grade-parity.test-helper.js';

/**
 * The browser side of "the browser and the server compute the same grade": the production
 * `courseGrade`, bundled by Vite for the browser and run in happy-dom, gives for the parity seeds
 * exactly the answers the server's test (core/grading/course-grade-parity.test.ts) gives on Node.
 */
describe('course grade parity (browser)', () => {
  it('runs in the browser environment', () => {
    expect(typeof window).toBe('object');
    expect(typeof document.createElement).toBe('function');
  });

  it("gives the server's answers for the same seeds", async () => {
    await expect(parityAnswers()).toMatchFileSnapshot('../../core/grading/course-grade-parity.snap.txt');
  });
});
