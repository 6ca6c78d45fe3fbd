import { inRequest } from '@codexion/framework/errors';
import { and, eq } from 'drizzle-orm';
import type { EnrollmentCreate } from '../../core/generated/client/types.gen.js';
import { enrolmentKeys } from '../../core/generated/tables.js';
import { lms } from '../lms.js';
import { enrolmentKeyMatches, hashEnrolmentKey } from '../services/enrolment-key-hash.js';

const wrongKey = () =>
  lms.error('ENROLMENT_KEY_INVALID', 'This is not the enrolment key of the course', {
    issues: [{ path: '/body/key', code: 'enrolment-key', message: "is not the course's enrolment key" }],
  });

/**
 * The signed-in person enrols as a learner with the course's key (source `self-key`): a wrong key,
 * or a course without one, is a 422 on `/body/key` and writes nothing. The key table has no API
 * (`"api": false`): only this action and `setEnrolmentKey` touch it, in their transaction.
 */
export const enrolWithKey = lms.defineAction('enrolWithKey', async (ctx, { params, body }) => {
  const course = await lms.resource(ctx, 'course').get(params.id);
  const userId = ctx.userId;
  if (userId === undefined) throw lms.error('NOT_ENROLLED', 'Sign in to enrol yourself in a course');
  if (course.status !== 'published')
    throw lms.error('COURSE_NOT_PUBLISHED', `The course "${course.title}" is not open for enrolment`);
  const [stored] = await ctx.tx
    .select({ hash: enrolmentKeys.hash })
    .from(enrolmentKeys)
    .where(and(eq(enrolmentKeys.tenantId, ctx.tenantId), eq(enrolmentKeys.courseId, course.id)));
  if (stored === undefined || !(await enrolmentKeyMatches(body.key, stored.hash))) throw wrongKey();
  // `source` is the server's to set: the record policy lets a member create only a self-key enrolment
  const enrollment = {
    courseId: course.id,
    userId,
    role: 'learner',
    status: 'active',
    cohortId: body.cohortId ?? null,
    source: 'self-key',
  } as EnrollmentCreate;
  return {
    status: 201,
    body: await inRequest('/body', () => lms.resource(ctx, 'enrollment').create(enrollment)),
  };
});

/** Stores a course's self-enrolment key hashed (or clears it with `null`); the course says whether one is set. */
export const setEnrolmentKey = lms.defineAction('setEnrolmentKey', async (ctx, { params, body }) => {
  const courses = lms.resource(ctx, 'course');
  const course = await courses.get(params.id);
  await ctx.tx
    .delete(enrolmentKeys)
    .where(and(eq(enrolmentKeys.tenantId, ctx.tenantId), eq(enrolmentKeys.courseId, course.id)));
  if (body.key !== null)
    await ctx.tx
      .insert(enrolmentKeys)
      .values({ tenantId: ctx.tenantId, courseId: course.id, hash: await hashEnrolmentKey(body.key) });
  const selfEnrolment = body.key !== null;
  return {
    body:
      course.selfEnrolment === selfEnrolment ? course : await courses.update(course.id, { selfEnrolment }),
  };
});
