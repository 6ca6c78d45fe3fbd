import type { PluginContext } from '@codexion/framework/plugins';
import { and, asc, eq, ne } from 'drizzle-orm';
import {
  assignments,
  enrollments,
  gradeCategories,
  gradeEntries,
  gradeItems,
  quizAttempts,
  quizzes,
  rubricAssessments,
  submissions,
} from '../../core/generated/tables.js';
import { courseGrade } from '../../core/grading/course-grade.js';
import { type Gradebook, gradebook, type ItemGrade } from '../../core/grading/gradebook.js';
import { GradingInputError } from '../../core/grading/grading-input-error.js';
import { quizScore } from '../../core/quiz/quiz-score.js';
import { lms } from '../lms.js';

type Ctx = Pick<PluginContext, 'tx' | 'tenantId'>;

/** One learner's row of the gradebook: item grades in item order, the course grade. */
export interface GradebookRow {
  learnerId: string;
  percent: number | null;
  letter: string | null;
  grades: { itemId: string; points: number | null; excused: boolean }[];
}

/** A course's gradebook as the API answers it. */
export interface CourseGradebook {
  courseId: string;
  items: { id: string; title: string; categoryId: string; maxPoints: number }[];
  learners: GradebookRow[];
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** `[key, value]` pairs grouped by key, in order. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [row]);
    else group.push(row);
  }
  return groups;
}

/**
 * Every active learner's grades and course grade in one course, from six reads (no query per
 * learner): the setup is checked once by `core/grading`'s `gradebook`, then `courseGrade` runs per
 * learner. Assignments count the learner's latest graded submission scaled to the item's points;
 * quizzes their submitted attempts by the quiz's grade method (`quizScore`); manual items and
 * excusals come from grade entries.
 *
 * @throws 409 GRADEBOOK_WEIGHTS for a setup `gradebook` refuses (weights not adding up to 100 %)
 */
export async function courseGradebook(ctx: Ctx, courseId: string): Promise<CourseGradebook> {
  const tenant = ctx.tenantId;
  const [categories, items, learners] = await Promise.all([
    ctx.tx
      .select()
      .from(gradeCategories)
      .where(and(eq(gradeCategories.tenantId, tenant), eq(gradeCategories.courseId, courseId)))
      .orderBy(asc(gradeCategories.rank), asc(gradeCategories.id)),
    ctx.tx
      .select()
      .from(gradeItems)
      .where(and(eq(gradeItems.tenantId, tenant), eq(gradeItems.courseId, courseId)))
      .orderBy(asc(gradeItems.rank), asc(gradeItems.id)),
    ctx.tx
      .select({ userId: enrollments.userId })
      .from(enrollments)
      .where(
        and(
          eq(enrollments.tenantId, tenant),
          eq(enrollments.courseId, courseId),
          eq(enrollments.role, 'learner'),
          ne(enrollments.status, 'dropped'),
        ),
      )
      .orderBy(asc(enrollments.userId)),
  ]);
  const [assessed, attempts, entries, assignmentRows, quizRows] = await Promise.all([
    ctx.tx
      .select({
        assignmentId: rubricAssessments.assignmentId,
        learnerId: rubricAssessments.learnerId,
        points: rubricAssessments.points,
        attempt: submissions.attempt,
      })
      .from(rubricAssessments)
      .innerJoin(
        submissions,
        and(
          eq(submissions.tenantId, rubricAssessments.tenantId),
          eq(submissions.id, rubricAssessments.submissionId),
        ),
      )
      .where(and(eq(rubricAssessments.tenantId, tenant), eq(rubricAssessments.courseId, courseId)))
      .orderBy(asc(submissions.attempt)),
    ctx.tx
      .select({
        quizId: quizAttempts.quizId,
        learnerId: quizAttempts.learnerId,
        points: quizAttempts.points,
        maxPoints: quizAttempts.maxPoints,
        pending: quizAttempts.needsManualGrading,
      })
      .from(quizAttempts)
      .where(
        and(
          eq(quizAttempts.tenantId, tenant),
          eq(quizAttempts.courseId, courseId),
          eq(quizAttempts.status, 'submitted'),
        ),
      )
      .orderBy(asc(quizAttempts.attemptNumber)),
    ctx.tx
      .select({
        gradeItemId: gradeEntries.gradeItemId,
        learnerId: gradeEntries.learnerId,
        points: gradeEntries.points,
        excused: gradeEntries.excused,
      })
      .from(gradeEntries)
      .innerJoin(
        gradeItems,
        and(eq(gradeItems.tenantId, gradeEntries.tenantId), eq(gradeItems.id, gradeEntries.gradeItemId)),
      )
      .where(and(eq(gradeEntries.tenantId, tenant), eq(gradeItems.courseId, courseId))),
    ctx.tx
      .select({ id: assignments.id, maxPoints: assignments.maxPoints, dueAt: assignments.dueAt })
      .from(assignments)
      .where(and(eq(assignments.tenantId, tenant), eq(assignments.courseId, courseId))),
    ctx.tx
      .select({ id: quizzes.id, gradeMethod: quizzes.gradeMethod })
      .from(quizzes)
      .where(and(eq(quizzes.tenantId, tenant), eq(quizzes.courseId, courseId))),
  ]);

  const assignmentById = new Map(assignmentRows.map((row) => [row.id, row]));
  const quizById = new Map(quizRows.map((row) => [row.id, row]));
  let book: Gradebook;
  try {
    book = gradebook({
      categories: categories.map((c) => ({
        id: c.id,
        name: c.name,
        weight: c.weightPercent,
        dropLowest: c.dropLowest,
        dropHighest: c.dropHighest,
      })),
      items: items.map((item) => ({
        id: item.id,
        categoryId: item.categoryId,
        pointsPossible: item.maxPoints,
        dueAt: item.assignmentId === null ? null : (assignmentById.get(item.assignmentId)?.dueAt ?? null),
      })),
    });
  } catch (error) {
    if (!(error instanceof GradingInputError)) throw error;
    throw lms.error('GRADEBOOK_WEIGHTS', error.message);
  }

  // latest graded submission per (assignment, learner): the rows come oldest attempt first
  const latest = new Map<string, number>();
  for (const row of assessed) latest.set(`${row.assignmentId}/${row.learnerId}`, row.points ?? 0);
  const attemptsBy = groupBy(attempts, (row) => `${row.quizId}/${row.learnerId}`);
  const entryBy = new Map(entries.map((row) => [`${row.gradeItemId}/${row.learnerId}`, row]));

  function points(item: (typeof items)[number], learnerId: string): number | null {
    if (item.source === 'assignment' && item.assignmentId !== null) {
      const earned = latest.get(`${item.assignmentId}/${learnerId}`);
      const max = assignmentById.get(item.assignmentId)?.maxPoints ?? 0;
      return earned === undefined || max <= 0 ? null : round2((earned * item.maxPoints) / max);
    }
    if (item.source === 'quiz' && item.quizId !== null) {
      const taken = (attemptsBy.get(`${item.quizId}/${learnerId}`) ?? []).filter(
        (a) => (a.maxPoints ?? 0) > 0,
      );
      const score = quizScore(
        taken.map((a) => ({
          score: Math.round((a.points ?? 0) * 100),
          possible: Math.round((a.maxPoints ?? 0) * 100),
          pending: a.pending ? 1 : 0,
          questions: [],
        })),
        quizById.get(item.quizId)?.gradeMethod ?? 'highest',
        Math.round(item.maxPoints * 100),
      );
      return score === null ? null : score.points / 100;
    }
    return entryBy.get(`${item.id}/${learnerId}`)?.points ?? null;
  }

  const rows = learners.map(({ userId }): GradebookRow => {
    const grades = items.map((item) => ({
      itemId: item.id,
      points: points(item, userId),
      excused: entryBy.get(`${item.id}/${userId}`)?.excused ?? false,
    }));
    const grade = courseGrade(book, grades satisfies ItemGrade[]);
    return {
      learnerId: userId,
      percent: grade.percentBp === null ? null : grade.percentBp / 100,
      letter: grade.letter,
      grades,
    };
  });
  return {
    courseId,
    items: items.map((item) => ({
      id: item.id,
      title: item.title,
      categoryId: item.categoryId,
      maxPoints: item.maxPoints,
    })),
    learners: rows,
  };
}
