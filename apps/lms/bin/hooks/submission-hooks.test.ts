import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  daysFromNow,
  type LmsKernel,
  lmsKernel,
  type Person,
  patchAs,
  staffCreates,
  tenantRows,
} from '../lms-kernel.test-helper.js';

let lms: LmsKernel;
let ada: Person;
let bob: Person;
const ids: Record<string, string> = {};

async function submissionsOf(learner: Person): Promise<number> {
  const [row] = await tenantRows<{ n: number }>(
    lms,
    sql`select count(*)::int as n from lms.submissions where learner_id = ${learner.id}::uuid`,
  );
  return row?.n ?? 0;
}

/**
 * A published course: section 1 (an intro lesson, and a lesson with an assignment whose hard
 * deadline has passed), section 2 released once section 1 is completed, holding an essay due two
 * and a half days ago, taken with 10 % per late day until next week, graded with a rubric.
 */
beforeAll(async () => {
  lms = await lmsKernel();
  ada = await lms.member('ada');
  bob = await lms.member('bob');
  const course = await staffCreates(lms, 'createCourse', '/courses', { title: 'Writing', code: 'WR-1' });
  ids.course = course.id;
  const rubric = await staffCreates(lms, 'createRubric', '/rubrics', {
    courseId: course.id,
    title: 'Essay',
    criteria: [
      {
        id: 'argument',
        title: 'Argument',
        ratings: [
          { id: 'weak', title: 'Weak', points: 10 },
          { id: 'strong', title: 'Strong', points: 60 },
        ],
      },
      {
        id: 'style',
        title: 'Style',
        ratings: [
          { id: 'plain', title: 'Plain', points: 20 },
          { id: 'fine', title: 'Fine', points: 40 },
        ],
      },
    ],
  });
  const essay = await staffCreates(lms, 'createAssignment', '/assignments', {
    courseId: course.id,
    title: 'Essay',
    dueAt: daysFromNow(-2.5),
    hardDeadlineAt: daysFromNow(7),
    latePolicy: 'per-day',
    latePenaltyPercent: 10,
    latePenaltyMaxPercent: 50,
    submissionTypes: ['text'],
    maxSubmissions: 2,
    maxPoints: 100,
    rubricId: rubric.id,
  });
  ids.essay = essay.id;
  const closed = await staffCreates(lms, 'createAssignment', '/assignments', {
    courseId: course.id,
    title: 'Closed',
    dueAt: daysFromNow(-3),
    hardDeadlineAt: daysFromNow(-1),
    latePolicy: 'flat',
    maxPoints: 10,
  });
  ids.closed = closed.id;
  const one = await staffCreates(lms, 'createSection', '/sections', { courseId: course.id, title: 'One' });
  ids.one = one.id;
  const two = await staffCreates(lms, 'createSection', '/sections', {
    courseId: course.id,
    title: 'Two',
    releaseConditions: [{ kind: 'prerequisite', itemIds: [one.id] }],
  });
  const intro = await staffCreates(lms, 'createLesson', '/lessons', {
    courseId: course.id,
    sectionId: one.id,
    title: 'Intro',
    kind: 'text',
    body: '# Hello',
  });
  ids.intro = intro.id;
  const closedLesson = await staffCreates(lms, 'createLesson', '/lessons', {
    courseId: course.id,
    sectionId: one.id,
    title: 'Closed work',
    kind: 'text',
  });
  ids.closedLesson = closedLesson.id;
  await staffCreates(lms, 'createLesson', '/lessons', {
    courseId: course.id,
    sectionId: one.id,
    title: 'Closed task',
    kind: 'assignment',
    assignmentId: closed.id,
  });
  await staffCreates(lms, 'createLesson', '/lessons', {
    courseId: course.id,
    sectionId: two.id,
    title: 'Essay',
    kind: 'assignment',
    assignmentId: essay.id,
  });
  const published = await lms.call(
    lms.staff,
    'transitionCourse',
    'POST',
    `/courses/${course.id}/transition`,
    { to: 'published' },
  );
  if (published.status !== 200) throw new Error(published.text);
  await staffCreates(lms, 'createEnrollment', '/enrollments', {
    courseId: course.id,
    userId: ada.id,
    role: 'learner',
    status: 'active',
  });
}, 120_000);

afterAll(async () => {
  await lms?.dispose();
});

describe('submitting an assignment', () => {
  it('refuses work on a locked item, saying why, and writes nothing', async () => {
    const locked = await lms.call(ada, 'createSubmission', 'POST', '/submissions', {
      assignmentId: ids.essay,
      text: 'Early',
    });
    expect(locked.status).toBe(409);
    expect(locked.body).toMatchObject({
      code: 'ITEM_LOCKED',
      reasons: [
        { key: 'parentLocked', params: { item: 'Two' } },
        { key: 'prerequisite', params: { items: ['One'] } },
      ],
    });
    expect(await submissionsOf(ada)).toBe(0);
  });

  it('refuses someone not enrolled, and an empty submission', async () => {
    const stranger = await lms.call(bob, 'createSubmission', 'POST', '/submissions', {
      assignmentId: ids.closed,
      text: 'Hi',
    });
    expect(stranger.status).toBe(403);
    expect(stranger.body.code).toBe('NOT_ENROLLED');
    const empty = await lms.call(ada, 'createSubmission', 'POST', '/submissions', {
      assignmentId: ids.closed,
    });
    expect(empty.status).toBe(422);
    expect(empty.body.errors).toEqual([
      expect.objectContaining({ path: '/body/text', code: 'submission-not-empty' }),
    ]);
  });

  it('refuses work after the hard deadline', async () => {
    const late = await lms.call(ada, 'createSubmission', 'POST', '/submissions', {
      assignmentId: ids.closed,
      text: 'Too late',
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('SUBMISSION_CLOSED');
    expect(await submissionsOf(ada)).toBe(0);
  });

  it('refuses fields only the server writes: a learner, a penalty, an attempt', async () => {
    for (const forged of [
      { learnerId: bob.id },
      { latePenaltyPercent: 0 },
      { attempt: 7 },
      { status: 'graded' },
    ]) {
      const answer = await lms.call(ada, 'createSubmission', 'POST', '/submissions', {
        assignmentId: ids.closed,
        text: 'x',
        ...forged,
      });
      expect(answer.status).toBe(422);
    }
    expect(await submissionsOf(ada)).toBe(0);
  });

  it('takes late work once released, with the per-day penalty, and numbers resubmissions up to the limit', async () => {
    for (const lessonId of [ids.intro, ids.closedLesson]) {
      const done = await lms.call(ada, 'createLessonProgress', 'POST', '/lesson-progress', { lessonId });
      expect(done.status, done.text).toBe(201);
    }
    // the closed assignment's lesson cannot be completed without a submission
    const lessons = await lms.call(
      lms.staff,
      'listLessons',
      'GET',
      `/lessons?filter[kind][eq]=assignment&filter[sectionId][eq]=${ids.one}`,
    );
    const closedTask = (lessons.body.items as { id: string }[])[0]?.id;
    const unsubmitted = await lms.call(ada, 'createLessonProgress', 'POST', '/lesson-progress', {
      lessonId: closedTask,
    });
    expect(unsubmitted.status).toBe(422);
    expect(unsubmitted.body.errors).toEqual([
      expect.objectContaining({ path: '/body/lessonId', code: 'assignment-not-submitted' }),
    ]);
    const stillLocked = await lms.call(ada, 'createSubmission', 'POST', '/submissions', {
      assignmentId: ids.essay,
      text: 'Early',
    });
    expect(stillLocked.status).toBe(409);

    const reopened = await patchAs(lms, lms.staff, 'Assignment', `/assignments/${ids.closed}`, {
      hardDeadlineAt: daysFromNow(1),
    });
    expect(reopened.status, reopened.text).toBe(200);
    const closedWork = await lms.call(ada, 'createSubmission', 'POST', '/submissions', {
      assignmentId: ids.closed,
      text: 'Done',
    });
    expect(closedWork.status, closedWork.text).toBe(201);
    expect(
      (await lms.call(ada, 'createLessonProgress', 'POST', '/lesson-progress', { lessonId: closedTask }))
        .status,
    ).toBe(201);

    const first = await lms.call(ada, 'createSubmission', 'POST', '/submissions', {
      assignmentId: ids.essay,
      text: 'My essay, first draft.',
    });
    expect(first.status, first.text).toBe(201);
    expect(first.contract).toEqual([]);
    expect(first.body).toMatchObject({
      learnerId: ada.id,
      attempt: 1,
      latePenaltyPercent: 30,
      status: 'submitted',
      courseId: ids.course,
    });
    const url = await lms.call(ada, 'createSubmission', 'POST', '/submissions', {
      assignmentId: ids.essay,
      url: 'https://example.com/essay',
    });
    expect(url.status).toBe(422);
    expect(url.body.errors).toEqual([
      expect.objectContaining({ path: '/body/url', code: 'submission-type' }),
    ]);
    const second = await lms.call(ada, 'createSubmission', 'POST', '/submissions', {
      assignmentId: ids.essay,
      text: 'My essay, final.',
    });
    expect(second.body).toMatchObject({ attempt: 2 });
    ids.submission = String(second.body.id);
    const third = await lms.call(ada, 'createSubmission', 'POST', '/submissions', {
      assignmentId: ids.essay,
      text: 'One more',
    });
    expect(third.status).toBe(409);
    expect(third.body.code).toBe('SUBMISSION_CLOSED');
    expect(await submissionsOf(ada)).toBe(3);
  });

  it('keeps submissions: a learner neither edits nor deletes one, and sees only their own', async () => {
    const edit = await patchAs(lms, ada, 'Submission', `/submissions/${ids.submission}`, { text: 'Changed' });
    expect(edit.status).toBe(403);
    expect((await lms.call(ada, 'deleteSubmission', 'DELETE', `/submissions/${ids.submission}`)).status).toBe(
      403,
    );
    const theirs = await lms.call(bob, 'listSubmissions', 'GET', '/submissions');
    expect(theirs.body.items).toEqual([]);
    expect((await lms.call(bob, 'getSubmission', 'GET', `/submissions/${ids.submission}`)).status).toBe(404);
    const mine = await lms.call(ada, 'listSubmissions', 'GET', '/submissions');
    expect((mine.body.items as unknown[]).length).toBe(3);
  });
});

describe('grading with the rubric and releasing grades', () => {
  it('refuses ratings the rubric does not have, a criterion left out, a comment off the text; writes nothing', async () => {
    const grade = (body: unknown) =>
      lms.call(lms.staff, 'gradeSubmission', 'POST', `/submissions/${ids.submission}/grade`, body);
    const unknown = await grade({
      ratings: [
        { criterionId: 'argument', ratingId: 'brilliant' },
        { criterionId: 'tone', ratingId: 'x' },
      ],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ path: '/body/ratings/0/ratingId', code: 'rubric' }),
      expect.objectContaining({ path: '/body/ratings/1/criterionId', code: 'rubric' }),
    ]);
    const partial = await grade({ ratings: [{ criterionId: 'argument', ratingId: 'strong' }] });
    expect(partial.body.errors).toEqual([
      expect.objectContaining({ path: '/body/ratings', message: 'rates no Style' }),
    ]);
    const offText = await grade({
      ratings: [
        { criterionId: 'argument', ratingId: 'strong' },
        { criterionId: 'style', ratingId: 'fine' },
      ],
      comments: [{ start: 3, end: 500, text: 'Where?' }],
    });
    expect(offText.body.errors).toEqual([
      expect.objectContaining({ path: '/body/comments/0', code: 'span' }),
    ]);
    const [row] = await tenantRows<{ n: number }>(
      lms,
      sql`select count(*)::int as n from lms.rubric_assessments`,
    );
    expect(row?.n).toBe(0);
    const byLearner = await lms.call(ada, 'gradeSubmission', 'POST', `/submissions/${ids.submission}/grade`, {
      ratings: [
        { criterionId: 'argument', ratingId: 'strong' },
        { criterionId: 'style', ratingId: 'fine' },
      ],
    });
    expect(byLearner.status).toBe(403);
  });

  it('grades less the late penalty, and shows the learner the grade only once released', async () => {
    const graded = await lms.call(
      lms.staff,
      'gradeSubmission',
      'POST',
      `/submissions/${ids.submission}/grade`,
      {
        ratings: [
          { criterionId: 'argument', ratingId: 'strong', comment: 'Clear thesis' },
          { criterionId: 'style', ratingId: 'fine' },
        ],
        comments: [{ start: 0, end: 8, text: 'Good opening' }],
        feedback: 'Well argued',
      },
    );
    expect(graded.status, graded.text).toBe(200);
    expect(graded.contract).toEqual([]);
    expect(graded.body).toMatchObject({ rawPoints: 100, points: 70, released: false, learnerId: ada.id });
    expect((await lms.call(ada, 'listRubricAssessments', 'GET', '/rubric-assessments')).body.items).toEqual(
      [],
    );

    const released = await lms.call(
      lms.staff,
      'releaseGrades',
      'POST',
      `/assignments/${ids.essay}/release-grades`,
    );
    expect(released.status, released.text).toBe(200);
    expect(released.body).toEqual({ assignmentId: ids.essay, released: 1 });
    const seen = await lms.call(ada, 'listRubricAssessments', 'GET', '/rubric-assessments');
    expect(seen.body.items).toEqual([expect.objectContaining({ points: 70, feedback: 'Well argued' })]);
    expect((await lms.call(bob, 'listRubricAssessments', 'GET', '/rubric-assessments')).body.items).toEqual(
      [],
    );
    expect(
      (await lms.call(ada, 'releaseGrades', 'POST', `/assignments/${ids.essay}/release-grades`)).status,
    ).toBe(403);
  });
});

describe('the gradebook', () => {
  it('refuses a setup whose weights do not add up to 100 %', async () => {
    const essays = await staffCreates(lms, 'createGradeCategory', '/grade-categories', {
      courseId: ids.course,
      name: 'Essays',
      weightPercent: 60,
    });
    ids.essays = essays.id;
    await staffCreates(lms, 'createGradeItem', '/grade-items', {
      courseId: ids.course,
      categoryId: essays.id,
      title: 'Essay',
      source: 'assignment',
      assignmentId: ids.essay,
      maxPoints: 100,
    });
    const unbalanced = await lms.call(
      lms.staff,
      'courseGradebook',
      'GET',
      `/courses/${ids.course}/gradebook`,
    );
    expect(unbalanced.status).toBe(409);
    expect(unbalanced.body.code).toBe('GRADEBOOK_WEIGHTS');
    expect(String(unbalanced.body.detail)).toContain('60 %');
  });

  it('computes each learner’s course grade from assessments and manual entries, as JSON and CSV', async () => {
    const participation = await staffCreates(lms, 'createGradeCategory', '/grade-categories', {
      courseId: ids.course,
      name: 'Participation',
      weightPercent: 40,
    });
    const manual = await staffCreates(lms, 'createGradeItem', '/grade-items', {
      courseId: ids.course,
      categoryId: participation.id,
      title: 'Discussion',
      source: 'manual',
      maxPoints: 10,
    });
    await staffCreates(lms, 'createGradeEntry', '/grade-entries', {
      gradeItemId: manual.id,
      learnerId: ada.id,
      points: 8,
    });
    const book = await lms.call(lms.staff, 'courseGradebook', 'GET', `/courses/${ids.course}/gradebook`);
    expect(book.status, book.text).toBe(200);
    expect(book.contract).toEqual([]);
    // 60 % × 70/100 + 40 % × 8/10
    expect(book.body.learners).toEqual([
      expect.objectContaining({ learnerId: ada.id, percent: 74, letter: null }),
    ]);
    const csv = await lms.call(
      lms.staff,
      'courseGradebook',
      'GET',
      `/courses/${ids.course}/gradebook?format=csv`,
    );
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toBe(`Learner,Essay,Discussion,Course grade (%),Letter\r\n${ada.id},70,8,74,\r\n`);
    expect((await lms.call(ada, 'courseGradebook', 'GET', `/courses/${ids.course}/gradebook`)).status).toBe(
      403,
    );
  });
});
