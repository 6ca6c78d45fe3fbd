import { lms } from '../lms.js';
import { courseOf, learnerReleaseStates, requireLearner } from '../services/learner-access.js';

/**
 * The caller's way through a course: each lesson in outline order, completed or not, locked or
 * not and why (`core/release`, the same evaluator as the course player), and the first released
 * lesson not done.
 */
export const courseProgress = lms.defineAction('courseProgress', async (ctx, { params }) => {
  // a course of another tenant or none at all: the engine's 404
  if ((await courseOf(ctx, params.id)) === undefined) await lms.resource(ctx, 'course').get(params.id);
  const { course, enrollment } = await requireLearner(ctx, params.id);
  const { states, lessons: ordered, completed } = await learnerReleaseStates(ctx, course, enrollment);
  const lessons = ordered.map((lesson) => {
    const state = states.get(lesson.id);
    return {
      lessonId: lesson.id,
      sectionId: lesson.sectionId,
      completed: completed.has(lesson.id),
      locked: state?.locked ?? false,
      reasons: state?.reasons ?? [],
    };
  });
  const next = lessons.find((lesson) => !lesson.completed && !lesson.locked);
  return {
    body: {
      courseId: course.id,
      completed: lessons.filter((lesson) => lesson.completed).length,
      total: lessons.length,
      nextLessonId: next?.lessonId ?? null,
      lessons,
    },
  };
});
