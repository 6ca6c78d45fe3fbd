import type { JsonSchema, RuleFile } from '@codexion/schema';
import { createResourceRoutes, defineAppModule, defineEntities } from '@codexion/web';
import { CircleHelp, ClipboardList, GraduationCap, ListChecks, UserPlus } from 'lucide-react';
import manifest from '../core/app.json' with { type: 'json' };
import { lmsResources } from '../core/generated/client/resources.gen.js';
import assignmentRules from '../core/rules/assignment.rules.json' with { type: 'json' };
import certificateRules from '../core/rules/certificate.rules.json' with { type: 'json' };
import enrollmentRules from '../core/rules/enrollment.rules.json' with { type: 'json' };
import gradeCategoryRules from '../core/rules/grade-category.rules.json' with { type: 'json' };
import gradeEntryRules from '../core/rules/grade-entry.rules.json' with { type: 'json' };
import lessonRules from '../core/rules/lesson.rules.json' with { type: 'json' };
import lessonProgressRules from '../core/rules/lesson-progress.rules.json' with { type: 'json' };
import questionRules from '../core/rules/question.rules.json' with { type: 'json' };
import quizAttemptRules from '../core/rules/quiz-attempt.rules.json' with { type: 'json' };
import rubricAssessmentRules from '../core/rules/rubric-assessment.rules.json' with { type: 'json' };
import submissionRules from '../core/rules/submission.rules.json' with { type: 'json' };
import assignment from '../core/schema/assignment.schema.json' with { type: 'json' };
import certificate from '../core/schema/certificate.schema.json' with { type: 'json' };
import cohort from '../core/schema/cohort.schema.json' with { type: 'json' };
import course from '../core/schema/course.schema.json' with { type: 'json' };
import enrollment from '../core/schema/enrollment.schema.json' with { type: 'json' };
import gradeCategory from '../core/schema/grade-category.schema.json' with { type: 'json' };
import gradeEntry from '../core/schema/grade-entry.schema.json' with { type: 'json' };
import gradeItem from '../core/schema/grade-item.schema.json' with { type: 'json' };
import lesson from '../core/schema/lesson.schema.json' with { type: 'json' };
import lessonProgress from '../core/schema/lesson-progress.schema.json' with { type: 'json' };
import question from '../core/schema/question.schema.json' with { type: 'json' };
import quiz from '../core/schema/quiz.schema.json' with { type: 'json' };
import quizAttempt from '../core/schema/quiz-attempt.schema.json' with { type: 'json' };
import rubric from '../core/schema/rubric.schema.json' with { type: 'json' };
import rubricAssessment from '../core/schema/rubric-assessment.schema.json' with { type: 'json' };
import section from '../core/schema/section.schema.json' with { type: 'json' };
import submission from '../core/schema/submission.schema.json' with { type: 'json' };

/**
 * The app's entities for the generated pages: schemas and rules straight from core/ (the
 * enrolment keys have no API: only their hashes are stored, and only the server reads them).
 */
export const entities = defineEntities({
  app: 'lms',
  schemas: [
    assignment,
    certificate,
    cohort,
    course,
    enrollment,
    gradeCategory,
    gradeEntry,
    gradeItem,
    lesson,
    lessonProgress,
    question,
    quiz,
    quizAttempt,
    rubric,
    rubricAssessment,
    section,
    submission,
  ] as JsonSchema[],
  rules: {
    assignment: assignmentRules as unknown as RuleFile,
    certificate: certificateRules as unknown as RuleFile,
    enrollment: enrollmentRules as unknown as RuleFile,
    'grade-category': gradeCategoryRules as unknown as RuleFile,
    'grade-entry': gradeEntryRules as unknown as RuleFile,
    lesson: lessonRules as unknown as RuleFile,
    'lesson-progress': lessonProgressRules as unknown as RuleFile,
    question: questionRules as unknown as RuleFile,
    'quiz-attempt': quizAttemptRules as unknown as RuleFile,
    'rubric-assessment': rubricAssessmentRules as unknown as RuleFile,
    submission: submissionRules as unknown as RuleFile,
  },
  // the generated pages call each entity's API through the generated SDK
  operations: lmsResources,
});

/**
 * The Learning module: standalone (src/main.tsx) or mounted by Cortex under /lms/*, which finds
 * it without being told. Its name, title, icon and navigation are core/app.json's; Cortex's search
 * finds the entities with search fields that have a page in that navigation.
 */
export default defineAppModule({
  manifest,
  icons: {
    'graduation-cap': GraduationCap,
    'user-plus': UserPlus,
    'clipboard-list': ClipboardList,
    'list-checks': ListChecks,
    'circle-help': CircleHelp,
  },
  routes: entities.entities.flatMap((entity) => createResourceRoutes(entity)),
  entities,
});
