import { lessonLockReasons } from '../../core/release/lock-reasons.js';
import { lms } from '../lms.js';
import { courseOf, progressFacts, releaseOutline, requireLearner } from '../services/learner-access.js';

/**
 * The caller's way through a course: each lesson in outline order, completed or not, locked or
 * not and why (the same evaluator as the course player), and the first released lesson not done.
 */
export const courseProgress = lms.defineAction('courseProgress', async (ctx, { params }) => {
  // a course of another tenant or none at all: the engine's 404
  if ((await courseOf(ctx, params.id)) === undefined) await lms.resource(ctx, 'course').get(params.id);
  const { course, enrollment } = await requireLearner(ctx, params.id);
  const outline = await releaseOutline(ctx, course);
  const facts = await progressFacts(ctx, enrollment, outline, new Date().toISOString());
  const done = new Set(facts.completedLessons);
  const lessons = outline.lessons.map((lesson) => {
    const reasons = enrollment.role === 'learner' ? lessonLockReasons(outline, lesson.id, facts) : [];
    return {
      lessonId: lesson.id,
      sectionId: lesson.sectionId,
      completed: done.has(lesson.id),
      locked: reasons.length > 0,
      reasons,
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
