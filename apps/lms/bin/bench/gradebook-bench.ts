/**
 * Bench of the gradebook API (issue 17: 500 course grades in ≤ 100 ms): the kernel with the LMS on
 * PGlite, or on PostgreSQL with DATABASE_URL; one course with 3 weighted categories (one drops its
 * lowest) and 60 grade items (20 assignments, 20 quizzes, 20 manual), 500 learners, each with a
 * graded submission per assignment, a submitted attempt per quiz and an entry per manual item
 * (some missing, some excused), loaded by `INSERT … SELECT generate_series` in the tenant. Then,
 * through HTTP (`GET /courses/{id}/gradebook`, the whole stack under row-level security), `--runs`
 * calls: p50/p95, and the computation alone (`courseGradebook` in a transaction) the same way.
 *
 *   [DATABASE_URL=postgres://…] node --import tsx apps/lms/bin/bench/gradebook-bench.ts [--learners 500] [--runs 30]
 */
import { parseArgs } from 'node:util';
import { executeRows } from '@codexion/framework/data';
import { sql } from 'drizzle-orm';
import { lmsKernel, tenantA, tenantRows } from '../lms-kernel.test-helper.js';
import { courseGradebook } from '../services/course-gradebook.js';

const { values: args } = parseArgs({
  options: {
    learners: { type: 'string', default: '500' },
    runs: { type: 'string', default: '30' },
  },
});
const learners = Number(args.learners);
const runs = Number(args.runs);
/** the bound for computing a 500-learner gradebook */
const boundMs = 100;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function timed(label: string, work: () => Promise<void>): Promise<number> {
  await work(); // warm: prepared plans, JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  console.log(
    `${label}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${runs} runs (${p95 <= boundMs ? 'PASS' : 'FAIL'} against p95 ≤ ${boundMs} ms)`,
  );
  return p95;
}

const lms = await lmsKernel();
try {
  const onPostgres = lms.database.url !== undefined;
  const [course] = await tenantRows<{ id: string }>(
    lms,
    sql`insert into lms.courses (tenant_id, title, code, status) values (${tenantA}, 'Bench', 'BENCH-1', 'published') returning id`,
  );
  const courseId = course?.id ?? '';
  const t0 = performance.now();
  await lms.database.database.transaction(
    async (tx) => {
      const run = (statement: ReturnType<typeof sql>) => executeRows(tx, statement);
      await run(sql`insert into lms.grade_categories (tenant_id, course_id, name, weight_percent, drop_lowest, rank)
        values (${tenantA}, ${courseId}, 'Assignments', 40, 1, '1'), (${tenantA}, ${courseId}, 'Quizzes', 30, 0, '2'),
               (${tenantA}, ${courseId}, 'Participation', 30, 0, '3')`);
      await run(sql`insert into lms.assignments (tenant_id, course_id, title, due_at, max_points)
        select ${tenantA}, ${courseId}, 'Assignment ' || n, now() - n * interval '1 day', 100 from generate_series(1, 20) n`);
      await run(sql`insert into lms.quizzes (tenant_id, course_id, title, grade_method)
        select ${tenantA}, ${courseId}, 'Quiz ' || n, (array['highest','average','last'])[1 + n % 3] from generate_series(1, 20) n`);
      await run(sql`insert into lms.grade_items (tenant_id, course_id, category_id, title, source, assignment_id, max_points, rank)
        select ${tenantA}, ${courseId}, c.id, a.title, 'assignment', a.id, 100, lpad(row_number() over (order by a.title)::text, 3, '0')
        from lms.assignments a, lms.grade_categories c where a.course_id = ${courseId} and c.name = 'Assignments'`);
      await run(sql`insert into lms.grade_items (tenant_id, course_id, category_id, title, source, quiz_id, max_points, rank)
        select ${tenantA}, ${courseId}, c.id, q.title, 'quiz', q.id, 10, '1' || lpad(row_number() over (order by q.title)::text, 3, '0')
        from lms.quizzes q, lms.grade_categories c where q.course_id = ${courseId} and c.name = 'Quizzes'`);
      await run(sql`insert into lms.grade_items (tenant_id, course_id, category_id, title, source, max_points, rank)
        select ${tenantA}, ${courseId}, c.id, 'Discussion ' || n, 'manual', 5, '2' || lpad(n::text, 3, '0')
        from generate_series(1, 20) n, lms.grade_categories c where c.name = 'Participation'`);
      await run(sql`insert into lms.enrollments (tenant_id, course_id, user_id, role, status, source)
        select ${tenantA}, ${courseId}, gen_random_uuid(), 'learner', 'active', 'instructor' from generate_series(1, ${learners})`);
      await run(sql`insert into lms.submissions (tenant_id, assignment_id, course_id, learner_id, attempt, text, submitted_at, status)
        select ${tenantA}, a.id, ${courseId}, e.user_id, 1, 'work', now(), 'graded'
        from lms.assignments a, lms.enrollments e where a.course_id = ${courseId} and e.course_id = ${courseId}`);
      await run(sql`insert into lms.rubric_assessments (tenant_id, submission_id, assignment_id, course_id, learner_id, raw_points, points, released)
        select ${tenantA}, s.id, s.assignment_id, ${courseId}, s.learner_id, p, p, true
        from lms.submissions s, lateral (select round((40 + 60 * random())::numeric, 2)::float8 as p) g
        where s.course_id = ${courseId}`);
      await run(sql`insert into lms.quiz_attempts (tenant_id, quiz_id, course_id, learner_id, attempt_number, status, points, max_points, submitted_at)
        select ${tenantA}, q.id, ${courseId}, e.user_id, k, 'submitted', round((12 * random())::numeric, 2)::float8, 12, now()
        from lms.quizzes q, lms.enrollments e, generate_series(1, 2) k where q.course_id = ${courseId} and e.course_id = ${courseId}`);
      await run(sql`insert into lms.grade_entries (tenant_id, grade_item_id, learner_id, points, excused)
        select ${tenantA}, i.id, e.user_id, case when random() < 0.1 then null else round((5 * random())::numeric, 2)::float8 end, random() < 0.03
        from lms.grade_items i, lms.enrollments e where i.source = 'manual' and i.course_id = ${courseId} and e.course_id = ${courseId}`);
    },
    { tenantId: tenantA },
  );
  console.log(
    `loaded ${learners} learners × 60 items on ${onPostgres ? 'PostgreSQL' : 'PGlite'} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  await timed('GET /courses/{id}/gradebook (HTTP, whole stack)', async () => {
    const answer = await lms.call(lms.staff, 'courseGradebook', 'GET', `/courses/${courseId}/gradebook`);
    if (answer.status !== 200)
      throw new Error(`gradebook answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    if ((answer.body.learners as unknown[]).length !== learners) throw new Error('a learner is missing');
  });
  await timed('courseGradebook (reads + computation, in one transaction)', async () => {
    await lms.database.database.transaction((tx) => courseGradebook({ tx, tenantId: tenantA }, courseId), {
      tenantId: tenantA,
    });
  });
} finally {
  await lms.dispose();
}
