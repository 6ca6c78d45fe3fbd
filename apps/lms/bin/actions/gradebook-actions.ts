import { csvAnswer } from '@codexion/framework/http';
import { lms } from '../lms.js';
import { courseGradebook, type GradebookRow } from '../services/course-gradebook.js';

/**
 * A course's gradebook (`services/course-gradebook.ts`), as JSON or, with `format=csv`, as a CSV
 * download: one row per learner, a column per item, the course grade and letter last.
 */
export const gradebookAction = lms.defineAction('courseGradebook', async (ctx, { params, query }) => {
  const course = await lms.resource(ctx, 'course').get(params.id);
  const book = await courseGradebook(ctx, course.id);
  if (query?.format !== 'csv') return { body: book };
  return csvAnswer<GradebookRow>(
    book.learners,
    [
      { key: 'learnerId', header: 'Learner' },
      ...book.items.map((item, index) => ({
        key: 'grades' as const,
        header: item.title,
        format: (_: unknown, row: GradebookRow) => {
          const grade = row.grades[index];
          return grade?.excused === true ? 'excused' : (grade?.points ?? '');
        },
      })),
      {
        key: 'percent',
        header: 'Course grade (%)',
        format: (value: unknown) => (value === null ? '' : String(value)),
      },
      { key: 'letter', header: 'Letter', format: (value: unknown) => (value === null ? '' : String(value)) },
    ],
    { filename: `${course.code}-gradebook.csv` },
  );
});
