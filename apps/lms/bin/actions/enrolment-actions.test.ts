import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LmsKernel, lmsKernel, type Person, tenantRows } from '../lms-kernel.test-helper.js';

let lms: LmsKernel;
let ada: Person;
let bob: Person;
let courseId: string;

async function enrolmentsOf(userId: string): Promise<number> {
  const [row] = await tenantRows<{ n: number }>(
    lms,
    sql`select count(*)::int as n from lms.enrollments where user_id = ${userId}::uuid`,
  );
  return row?.n ?? 0;
}

beforeAll(async () => {
  lms = await lmsKernel();
  ada = await lms.member('ada');
  bob = await lms.member('bob');
  const course = await lms.call(lms.staff, 'createCourse', 'POST', '/courses', {
    title: 'Python',
    code: 'PY-1',
  });
  courseId = String(course.body.id);
}, 120_000);

afterAll(async () => {
  await lms?.dispose();
});

describe('self-enrolment with a key', () => {
  it('stores the key hashed and says only whether one is set', async () => {
    const set = await lms.call(lms.staff, 'setEnrolmentKey', 'PUT', `/courses/${courseId}/enrolment-key`, {
      key: 'spring-2027',
    });
    expect(set.status).toBe(200);
    expect(set.contract).toEqual([]);
    expect(set.body).toMatchObject({ selfEnrolment: true });
    expect(set.text).not.toContain('spring-2027');
    const short = await lms.call(lms.staff, 'setEnrolmentKey', 'PUT', `/courses/${courseId}/enrolment-key`, {
      key: 'short',
    });
    expect(short.status).toBe(422);
  });

  it('refuses a draft course, then a wrong key, writing nothing', async () => {
    const draft = await lms.call(ada, 'enrolWithKey', 'POST', `/courses/${courseId}/enrol`, {
      key: 'spring-2027',
    });
    expect(draft.status).toBe(409);
    expect(draft.body.code).toBe('COURSE_NOT_PUBLISHED');
    const published = await lms.call(
      lms.staff,
      'transitionCourse',
      'POST',
      `/courses/${courseId}/transition`,
      { to: 'published' },
    );
    expect(published.status, published.text).toBe(200);
    const wrong = await lms.call(ada, 'enrolWithKey', 'POST', `/courses/${courseId}/enrol`, {
      key: 'autumn-2027',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({
      code: 'ENROLMENT_KEY_INVALID',
      errors: [{ path: '/body/key', code: 'enrolment-key' }],
    });
    expect(wrong.contract).toEqual([]);
    expect(await enrolmentsOf(ada.id)).toBe(0);
  });

  it('enrols the caller as a learner with the right key, once', async () => {
    const enrolled = await lms.call(ada, 'enrolWithKey', 'POST', `/courses/${courseId}/enrol`, {
      key: 'spring-2027',
    });
    expect(enrolled.status, enrolled.text).toBe(201);
    expect(enrolled.contract).toEqual([]);
    expect(enrolled.body).toMatchObject({
      courseId,
      userId: ada.id,
      role: 'learner',
      source: 'self-key',
      status: 'active',
    });
    const again = await lms.call(ada, 'enrolWithKey', 'POST', `/courses/${courseId}/enrol`, {
      key: 'spring-2027',
    });
    expect(again.status).toBe(409);
    expect(await enrolmentsOf(ada.id)).toBe(1);
  });

  it('lets a member enrol no one through the CRUD API, not even themselves as an instructor', async () => {
    const self = await lms.call(bob, 'createEnrollment', 'POST', '/enrollments', {
      courseId,
      userId: bob.id,
      role: 'instructor',
      status: 'active',
    });
    expect(self.status).toBe(403);
    const learner = await lms.call(bob, 'createEnrollment', 'POST', '/enrollments', {
      courseId,
      userId: bob.id,
      role: 'learner',
      status: 'active',
    });
    expect(learner.status).toBe(403);
    const forged = await lms.call(bob, 'createEnrollment', 'POST', '/enrollments', {
      courseId,
      userId: bob.id,
      role: 'learner',
      status: 'active',
      source: 'self-key',
    });
    expect(forged.status).toBe(422);
    expect(await enrolmentsOf(bob.id)).toBe(0);
  });

  it('shows a member only their own enrolments; staff see all', async () => {
    await lms.call(lms.staff, 'createEnrollment', 'POST', '/enrollments', {
      courseId,
      userId: bob.id,
      role: 'learner',
      status: 'active',
    });
    const mine = await lms.call(ada, 'listEnrollments', 'GET', '/enrollments');
    expect((mine.body.items as { userId: string }[]).map((e) => e.userId)).toEqual([ada.id]);
    const all = await lms.call(lms.staff, 'listEnrollments', 'GET', '/enrollments');
    expect((all.body.items as unknown[]).length).toBe(2);
  });
});
