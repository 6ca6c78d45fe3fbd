import type { BadRequest } from './bad-request.js';
import type { WireAnswer } from './send-request.js';

/** What is wrong with the answer to a bad request; `undefined` when it is right. */
export type AnswerFailure =
  | '5xx'
  | 'accepted (2xx)'
  | 'redirect (3xx)'
  | 'not problem+json'
  | 'problem without code'
  | 'problem status differs'
  | 'field error without errors[].path'
  | 'unexpected status'
  | 'no answer';

/** Codes that name fields: their problem must say which, in `errors[].path`. */
const fieldErrorCodes = new Set(['VALIDATION_FAILED', 'INVALID_PARAMETER']);

/** The problem body of an answer, if it is a JSON object. */
export function problemOf(answer: WireAnswer): Record<string, unknown> | undefined {
  try {
    const body: unknown = JSON.parse(answer.text);
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Judges the answer to a bad request: it must be a 4xx `application/problem+json` whose body has
 * a `code` and the answer's `status`; a field error (`VALIDATION_FAILED`, `INVALID_PARAMETER`)
 * must list `errors[]` with JSON Pointer `path`s and, with `inTarget` (the rest of the request was
 * shown to pass), one of them in the part that was broken (`/body`, `/query`, `/params`,
 * `/headers`); and where the request says which statuses
 * are right (401 for a broken session), the status must be one of them.
 *
 * @example
 * judgeAnswer(request, { status: 500, headers: {}, text: '' }); // '5xx'
 */
export function judgeAnswer(
  request: Pick<BadRequest, 'target' | 'expect'>,
  answer: WireAnswer,
  { inTarget = true }: { inTarget?: boolean } = {},
): AnswerFailure | undefined {
  const { status } = answer;
  if (status >= 500 || status === 0) return '5xx';
  if (status < 300) return 'accepted (2xx)';
  if (status < 400) return 'redirect (3xx)';
  const type = answer.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/problem+json')) return 'not problem+json';
  const problem = problemOf(answer);
  if (problem === undefined || typeof problem.code !== 'string' || problem.code === '')
    return 'problem without code';
  if (problem.status !== status) return 'problem status differs';
  if (fieldErrorCodes.has(problem.code)) {
    const errors = Array.isArray(problem.errors) ? (problem.errors as unknown[]) : [];
    const paths = errors.map((e) =>
      typeof e === 'object' && e !== null ? (e as { path?: unknown }).path : undefined,
    );
    if (paths.length === 0 || paths.some((p) => typeof p !== 'string' || (p !== '' && !p.startsWith('/'))))
      return 'field error without errors[].path';
    const section = request.target.split('/')[1];
    if (
      inTarget &&
      section !== undefined &&
      section !== '' &&
      !paths.some((p) => String(p).startsWith(`/${section}`))
    )
      return 'field error without errors[].path';
  }
  if (request.expect !== undefined && !request.expect.includes(status)) return 'unexpected status';
  return undefined;
}
