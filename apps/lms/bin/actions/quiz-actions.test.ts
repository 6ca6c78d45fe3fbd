import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LmsKernel,
  lmsKernel,
  type Person,
  staffCreates,
  tenantRows,
} from '../lms-kernel.test-helper.js';

let lms: LmsKernel;
let ada: Person;
const ids: Record<string, string> = {};

async function attemptsOf(learner: Person): Promise<{ status: string; points: number | null }[]> {
  return tenantRows(
    lms,
    sql`select status, points from lms.quiz_attempts where learner_id = ${learner.id}::uuid order by attempt_number`,
  );
}

/**
 * A published course with a quiz of one question per auto-graded type plus an essay (one attempt,
 * 10 minutes), and a second quiz released a week after enrolment.
 */
beforeAll(async () => {
  lms = await lmsKernel();
  ada = await lms.member('ada');
  const course = await staffCreates(lms, 'createCourse', '/courses', { title: 'Maths', code: 'MA-1' });
  const options = [
    { id: 'a', text: 'Two' },
    { id: 'b', text: 'Three' },
    { id: 'c', text: 'Four' },
  ];
  const bank = [
    { type: 'single-choice', prompt: '1 + 1?', options, answerKey: { choiceIds: ['a'] }, points: 1 },
    { type: 'multiple-choice', prompt: 'Primes?', options, answerKey: { choiceIds: ['a', 'b'] }, points: 2 },
    { type: 'true-false', prompt: 'Is 4 even?', answerKey: { value: true }, points: 1 },
    { type: 'short-answer', prompt: 'Name of 3?', answerKey: { accepted: ['three'] }, points: 1 },
    { type: 'numerical', prompt: 'Half of 5?', answerKey: { number: 2.5, tolerance: 0.01 }, points: 1 },
    {
      type: 'matching',
      prompt: 'Match',
      options,
      matchPrompts: [
        { id: 'p1', text: '2' },
        { id: 'p2', text: '4' },
      ],
      answerKey: {
        pairs: [
          { promptId: 'p1', optionId: 'a' },
          { promptId: 'p2', optionId: 'c' },
        ],
      },
      points: 2,
    },
    { type: 'essay', prompt: 'Why maths?', points: 5 },
  ];
  const questionIds: string[] = [];
  for (const question of bank)
    questionIds.push(
      (await staffCreates(lms, 'createQuestion', '/questions', { courseId: course.id, ...question })).id,
    );
  ids.choice = questionIds[0] ?? '';
  const quiz = await staffCreates(lms, 'createQuiz', '/quizzes', {
    courseId: course.id,
    title: 'Basics',
    questionIds,
    attemptsLimit: 1,
    timeLimitMinutes: 10,
    gradeMethod: 'highest',
    feedbackMode: 'answers',
    shuffle: true,
  });
  ids.quiz = quiz.id;
  const later = await staffCreates(lms, 'createQuiz', '/quizzes', {
    courseId: course.id,
    title: 'Later',
    questionIds: [ids.choice],
    attemptsLimit: 0,
    gradeMethod: 'last',
    feedbackMode: 'score',
  });
  ids.later = later.id;
  const section = await staffCreates(lms, 'createSection', '/sections', {
    courseId: course.id,
    title: 'Week 1',
  });
  await staffCreates(lms, 'createLesson', '/lessons', {
    courseId: course.id,
    sectionId: section.id,
    title: 'Basics quiz',
    kind: 'quiz',
    quizId: quiz.id,
  });
  await staffCreates(lms, 'createLesson', '/lessons', {
    courseId: course.id,
    sectionId: section.id,
    title: 'Later quiz',
    kind: 'quiz',
    quizId: later.id,
    releaseConditions: [{ kind: 'drip', from: 'enrolment', days: 7 }],
  });
  await lms.call(lms.staff, 'transitionCourse', 'POST', `/courses/${course.id}/transition`, {
    to: 'published',
  });
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

describe('the question bank', () => {
  it('is closed to learners: no list, no read, so no answer key', async () => {
    expect((await lms.call(ada, 'listQuestions', 'GET', '/questions')).body.items).toEqual([]);
    expect((await lms.call(ada, 'getQuestion', 'GET', `/questions/${ids.choice}`)).status).toBe(404);
    const staff = await lms.call(lms.staff, 'getQuestion', 'GET', `/questions/${ids.choice}`);
    expect(staff.body.answerKey).toEqual({ choiceIds: ['a'] });
  });
});

describe('quiz attempts', () => {
  it('refuses to start a quiz whose lesson is not released, saying when it opens', async () => {
    const locked = await lms.call(ada, 'startQuizAttempt', 'POST', `/quizzes/${ids.later}/attempts`);
    expect(locked.status).toBe(409);
    expect(locked.body).toMatchObject({
      code: 'ITEM_LOCKED',
      reasons: [{ key: 'drip', params: { days: 7 } }],
    });
    expect(await attemptsOf(ada)).toEqual([]);
  });

  it('starts an attempt with the questions in its own order and without their keys', async () => {
    const started = await lms.call(ada, 'startQuizAttempt', 'POST', `/quizzes/${ids.quiz}/attempts`);
    expect(started.status, started.text).toBe(201);
    expect(started.contract).toEqual([]);
    const { attempt, questions } = started.body as {
      attempt: {
        id: string;
        attemptNumber: number;
        questionIds: string[];
        deadlineAt: string;
        maxPoints: number;
      };
      questions: { id: string }[];
    };
    ids.attempt = attempt.id;
    expect(attempt).toMatchObject({
      attemptNumber: 1,
      status: 'in-progress',
      learnerId: ada.id,
      maxPoints: 13,
    });
    expect(questions.map((q) => q.id)).toEqual(attempt.questionIds);
    expect(started.text).not.toContain('answerKey');
    expect(started.text).not.toContain('choiceIds');
    expect(Date.parse(attempt.deadlineAt) - Date.now()).toBeGreaterThan(9 * 60_000);
  });

  it('refuses an attempt over the limit, through the action and the CRUD API alike', async () => {
    const second = await lms.call(ada, 'startQuizAttempt', 'POST', `/quizzes/${ids.quiz}/attempts`);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('ATTEMPTS_EXHAUSTED');
    const crud = await lms.call(ada, 'createQuizAttempt', 'POST', '/quiz-attempts', { quizId: ids.quiz });
    expect(crud.status).toBe(409);
    expect(await attemptsOf(ada)).toHaveLength(1);
  });

  it('refuses answers for questions not in the attempt and answers of the wrong shape; writes nothing', async () => {
    const submit = (answers: unknown) =>
      lms.call(ada, 'submitQuizAttempt', 'POST', `/quiz-attempts/${ids.attempt}/submit`, { answers });
    const stranger = await submit({ '00000000-0000-4000-8000-000000000001': { optionId: 'a' } });
    expect(stranger.status).toBe(422);
    expect(stranger.body.errors).toEqual([
      expect.objectContaining({
        path: '/body/answers/00000000-0000-4000-8000-000000000001',
        code: 'unknown-question',
      }),
    ]);
    const shape = await submit({ [String(ids.choice)]: { value: true } });
    expect(shape.status).toBe(422);
    expect((shape.body.errors as { path: string }[])[0]?.path).toMatch(
      new RegExp(`^/body/answers/${ids.choice}`),
    );
    expect(await attemptsOf(ada)).toEqual([{ status: 'in-progress', points: null }]);
  });

  it('grades every auto-graded type, leaves the essay to the instructor, and takes no second submission', async () => {
    const [choice, multiple, trueFalse, short, numerical, matching, essay] = (
      (await lms.call(lms.staff, 'getQuiz', 'GET', `/quizzes/${ids.quiz}`)).body.questionIds as string[]
    ).map(String);
    const submitted = await lms.call(
      ada,
      'submitQuizAttempt',
      'POST',
      `/quiz-attempts/${ids.attempt}/submit`,
      {
        answers: {
          [choice ?? '']: { optionId: 'a' },
          [multiple ?? '']: { optionIds: ['a', 'b'] },
          [trueFalse ?? '']: { value: false },
          [short ?? '']: { text: 'Three' },
          [numerical ?? '']: { value: 2.505 },
          [matching ?? '']: { pairs: { p1: 'a', p2: 'c' } },
          [essay ?? '']: { text: 'Because.' },
        },
      },
    );
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.contract).toEqual([]);
    // 1 + 2 + 0 + 1 + 1 + 2 of 13, the essay's 5 pending
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      points: 7,
      maxPoints: 13,
      needsManualGrading: true,
    });
    const again = await lms.call(ada, 'submitQuizAttempt', 'POST', `/quiz-attempts/${ids.attempt}/submit`, {
      answers: {},
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ATTEMPT_CLOSED');
    const forged = await lms.call(ada, 'createQuizAttempt', 'POST', '/quiz-attempts', {
      quizId: ids.later,
      points: 13,
    });
    expect(forged.status).toBe(422);
  });

  it('refuses a submission past the time limit, writing nothing', async () => {
    const unlimited = await lms.call(lms.staff, 'createQuiz', 'POST', '/quizzes', {
      courseId: (await lms.call(lms.staff, 'getQuiz', 'GET', `/quizzes/${ids.quiz}`)).body.courseId,
      title: 'Timed',
      questionIds: [ids.choice],
      attemptsLimit: 0,
      timeLimitMinutes: 1,
      gradeMethod: 'average',
      feedbackMode: 'none',
    });
    const started = await lms.call(ada, 'startQuizAttempt', 'POST', `/quizzes/${unlimited.body.id}/attempts`);
    const attempt = (started.body.attempt as { id: string }).id;
    await tenantRows(
      lms,
      sql`update lms.quiz_attempts set started_at = now() - interval '10 minutes' where id = ${attempt}::uuid returning id`,
    );
    const late = await lms.call(ada, 'submitQuizAttempt', 'POST', `/quiz-attempts/${attempt}/submit`, {
      answers: { [String(ids.choice)]: { optionId: 'a' } },
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ATTEMPT_CLOSED');
    const [row] = await tenantRows<{ status: string }>(
      lms,
      sql`select status from lms.quiz_attempts where id = ${attempt}::uuid`,
    );
    expect(row?.status).toBe('in-progress');
  });
});
