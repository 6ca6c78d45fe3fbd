import type { AppManifest } from '@codexion/schema';
import manifest from '../core/app.json' with { type: 'json' };
import { tables } from '../core/generated/tables.js';
import { courseProgress } from './actions/course-progress.js';
import { enrolWithKey, setEnrolmentKey } from './actions/enrolment-actions.js';
import { gradebookAction } from './actions/gradebook-actions.js';
import { gradeSubmission, releaseGrades } from './actions/grading-actions.js';
import { startQuizAttempt, submitQuizAttempt } from './actions/quiz-actions.js';
import { enrollmentHooks } from './hooks/enrollment-hooks.js';
import { lessonProgressHooks } from './hooks/lesson-progress-hooks.js';
import { quizAttemptHooks } from './hooks/quiz-attempt-hooks.js';
import { quizHooks } from './hooks/quiz-hooks.js';
import { submissionHooks } from './hooks/submission-hooks.js';
import { lms } from './lms.js';

const events = lms.eventOutbox();

/**
 * The Learning app's backend: its resources, routes and checks come from core/, with the actions
 * and hooks that enforce enrolment, release rules, attempts and deadlines.
 */
export default lms.definePlugin({
  manifest: manifest as unknown as AppManifest,
  root: new URL('..', import.meta.url),
  resources: tables,
  actions: {
    enrolWithKey,
    setEnrolmentKey,
    startQuizAttempt,
    submitQuizAttempt,
    gradeSubmission,
    releaseGrades: releaseGrades(events),
    courseProgress,
    courseGradebook: gradebookAction,
  },
  hooks: {
    enrollment: enrollmentHooks(events),
    submission: submissionHooks(),
    quiz: quizHooks(),
    'quiz-attempt': quizAttemptHooks(),
    'lesson-progress': lessonProgressHooks(events),
  },
});
