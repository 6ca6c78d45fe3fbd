import type { FuzzFailure, FuzzReport } from './fuzz-run.js';
import { fuzzSeedVariable } from './seeded-random.js';

/** Failures that share what went wrong and the kind of bad input, with the operations they hit. */
export interface FailureClass {
  failure: FuzzFailure['failure'];
  kind: string;
  count: number;
  operations: string[];
  statuses: number[];
  example: FuzzFailure;
}

/**
 * The failures grouped by what went wrong and the kind of bad input, most frequent first.
 *
 * @example
 * failureClasses(report)[0]; // { failure: '5xx', kind: 'body.string.nul', count: 31, operations: ['createTag', …], … }
 */
export function failureClasses(failures: readonly FuzzFailure[]): FailureClass[] {
  const classes = new Map<string, FailureClass>();
  for (const failure of failures) {
    const key = `${failure.failure}\u0000${failure.kind}`;
    const known = classes.get(key);
    if (known === undefined) {
      classes.set(key, {
        failure: failure.failure,
        kind: failure.kind,
        count: 1,
        operations: [failure.operationId],
        statuses: [failure.status],
        example: failure,
      });
      continue;
    }
    known.count += 1;
    if (!known.operations.includes(failure.operationId)) known.operations.push(failure.operationId);
    if (!known.statuses.includes(failure.status)) known.statuses.push(failure.status);
  }
  return [...classes.values()].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}

const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => `${key} ${n}`)
    .join(', ');

/**
 * The report as the test prints it: the seed (and how to replay it), counts of requests by
 * principal, status class and 4xx code, and each failure class with one example.
 *
 * @example
 * console.log(formatFuzzReport(report));
 */
export function formatFuzzReport(report: FuzzReport): string {
  const classes = failureClasses(report.failures);
  const lines = [
    `contract fuzz: seed ${report.seed} (replay with ${fuzzSeedVariable}=${report.seed}), ${(report.durationMs / 1000).toFixed(1)} s`,
    `operations ${report.operations}; baselines built ${report.baselines.built}, schema-valid ${report.baselines.schemaValid}, sent ${report.baselines.sent}, accepted ${report.baselines.accepted}${report.baselines.refused.length > 0 ? `; checked and never accepted: ${report.baselines.refused.join(', ')}` : ''}`,
    `bad requests ${report.requests} (${counts(report.byPrincipal)})`,
    `by status class: ${counts(report.byStatusClass)}`,
    `4xx by code: ${counts(report.fourxxByCode)}`,
    `5xx: ${report.byStatusClass['5xx'] ?? 0}`,
    `failures ${report.failures.length} in ${classes.length} classes${classes.length > 0 ? ':' : ''}`,
  ];
  for (const c of classes) {
    const e = c.example;
    lines.push(
      `  [${c.failure}] ${c.kind} ×${c.count} (status ${c.statuses.join('/')}) in ${c.operations.join(', ')}`,
      `      e.g. as ${e.principal}: ${e.request}${e.requestBody === '' ? '' : ` body ${e.requestBody}`}`,
      `      -> ${e.status} ${e.answer}`,
    );
  }
  return lines.join('\n');
}
