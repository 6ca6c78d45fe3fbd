import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LmsKernel, lmsKernel, type Person, staffCreates } from '../lms-kernel.test-helper.js';

let lms: LmsKernel;
let ada: Person;
let cy: Person;
const ids: Record<string, string> = {};

const progress = (as: Person) => lms.call(as, 'courseProgress', 'GET', `/courses/${ids.course}/progress`);
const lessonState = (answer: Awaited<ReturnType<typeof progress>>, id: string | undefined) =>
  (answer.body.lessons as { lessonId: string; locked: boolean; reasons: unknown[] }[]).find(
    (l) => l.lessonId === id,
  );

/**
 * A sequential course that needs another course completed first (Ada has it, Cy has not), with a
 * cohort starting ten days ago (Ada in it) and a lesson opening 14 days after the cohort start.
 */
beforeAll(async () => {
  lms = await lmsKernel();
  ada = await lms.member('ada');
  cy = await lms.member('cy');
  const intro = await staffCreates(lms, 'createCourse', '/courses', { title: 'Intro', code: 'IN-1' });
  const course = await staffCreates(lms, 'createCourse', '/courses', {
    title: 'Advanced',
    code: 'AD-1',
    sequential: true,
    releaseConditions: [{ kind: 'prerequisite', itemIds: [intro.id] }],
  });
  ids.course = course.id;
  const cohort = await staffCreates(lms, 'createCohort', '/cohorts', {
    courseId: course.id,
    name: 'Spring',
    startDate: new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10),
  });
  const section = await staffCreates(lms, 'createSection', '/sections', {
    courseId: course.id,
    title: 'Week 1',
  });
  for (const [key, title, conditions] of [
    ['first', 'First', []],
    ['second', 'Second', []],
    ['cohort', 'Cohort drip', [{ kind: 'drip', from: 'cohort', days: 14 }]],
  ] as const)
    ids[key] = (
      await staffCreates(lms, 'createLesson', '/lessons', {
        courseId: course.id,
        sectionId: section.id,
        title,
        kind: 'text',
        releaseConditions: conditions,
      })
    ).id;
  for (const c of [intro.id, course.id])
    await lms.call(lms.staff, 'transitionCourse', 'POST', `/courses/${c}/transition`, { to: 'published' });
  await staffCreates(lms, 'createEnrollment', '/enrollments', {
    courseId: intro.id,
    userId: ada.id,
    role: 'learner',
    status: 'completed',
  });
  for (const [person, cohortId] of [
    [ada, cohort.id],
    [cy, null],
  ] as const)
    await staffCreates(lms, 'createEnrollment', '/enrollments', {
      courseId: course.id,
      userId: person.id,
      role: 'learner',
      status: 'active',
      cohortId,
    });
}, 120_000);

afterAll(async () => {
  await lms?.dispose();
});

describe('release rules as the API enforces them', () => {
  it('locks the whole course behind a prerequisite course, naming it', async () => {
    const answer = await progress(cy);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.contract).toEqual([]);
    expect(lessonState(answer, ids.first)?.locked).toBe(true);
    const refused = await lms.call(cy, 'createLessonProgress', 'POST', '/lesson-progress', {
      lessonId: ids.first,
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'ITEM_LOCKED',
      reasons: expect.arrayContaining([{ key: 'prerequisite', params: { items: ['Intro'] } }]),
    });
    expect(answer.body.nextLessonId).toBeNull();
  });

  it('opens lessons in order in a sequential course', async () => {
    const before = await progress(ada);
    expect(before.body).toMatchObject({ completed: 0, total: 3, nextLessonId: ids.first });
    expect(lessonState(before, ids.second)).toMatchObject({
      locked: true,
      reasons: [{ key: 'sequential', params: { item: 'First' } }],
    });
    const skipped = await lms.call(ada, 'createLessonProgress', 'POST', '/lesson-progress', {
      lessonId: ids.second,
    });
    expect(skipped.status).toBe(409);
    expect(
      (await lms.call(ada, 'createLessonProgress', 'POST', '/lesson-progress', { lessonId: ids.first }))
        .status,
    ).toBe(201);
    const after = await progress(ada);
    expect(after.body).toMatchObject({ completed: 1, nextLessonId: ids.second });
    expect(lessonState(after, ids.second)?.locked).toBe(false);
  });

  it('holds a cohort drip until days after the cohort start, saying when', async () => {
    expect(
      (await lms.call(ada, 'createLessonProgress', 'POST', '/lesson-progress', { lessonId: ids.second }))
        .status,
    ).toBe(201);
    const answer = await progress(ada);
    expect(lessonState(answer, ids.cohort)).toMatchObject({
      locked: true,
      reasons: [{ key: 'dripCohort', params: { days: 14 } }],
    });
    const early = await lms.call(ada, 'createLessonProgress', 'POST', '/lesson-progress', {
      lessonId: ids.cohort,
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ITEM_LOCKED');
  });

  it('refuses the progress of someone not enrolled, and progress recorded for another learner', async () => {
    const stranger = await lms.member('dee');
    expect((await progress(stranger)).status).toBe(403);
    const forged = await lms.call(cy, 'createLessonProgress', 'POST', '/lesson-progress', {
      lessonId: ids.first,
      learnerId: ada.id,
    });
    expect(forged.status).toBe(422);
  });
});
