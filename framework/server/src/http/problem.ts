import { STATUS_CODES } from 'node:http';
import { problemBounds, type ValidationIssue } from '@codexion/schema';
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DomainError } from '../errors/domain-error.js';
import { errorCodes } from '../errors/error-codes.js';
import { queryFreeMessage, queryValueCuts, withoutQueryValues } from '../errors/query-free-error.js';
import { serializeError } from '../observability/serialize-error.js';
import type { AppEnv } from './app-env.js';
import { countRefusal } from './count-refusal.js';
import type { ProblemDocument } from './problem-document.js';
import { maskValues, redactProblem } from './redact-problem.js';

export type { ProblemDocument } from './problem-document.js';

/** Media type of every error body (RFC 9457). */
export const problemContentType = 'application/problem+json';

export interface ProblemOptions {
  /** show unexpected errors' messages and stacks; development only */
  exposeInternals?: boolean;
  requestId?: string;
  /** the request path, which identifies this occurrence */
  instance?: string;
}

const reservedMembers = new Set([
  'type',
  'title',
  'status',
  'detail',
  'instance',
  'code',
  'requestId',
  'errors',
  'stack',
]);

/** `text` within `max` characters: a longer one ends in `…` */
function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The issues as the contract's Problem schema bounds them (`problemBounds`): the first 1000, each
 * path and message cut. Only a client's own excess meets the cut: an unknown property named with
 * a megabyte, or a thousand-item bulk where every item fails.
 */
function boundedIssues(issues: ValidationIssue[]): ValidationIssue[] {
  const fits = (i: ValidationIssue) =>
    i.path.length <= problemBounds.path && i.message.length <= problemBounds.message;
  if (issues.length <= problemBounds.errors && issues.every(fits)) return issues;
  return issues.slice(0, problemBounds.errors).map((i) => ({
    ...i,
    path: cut(i.path, problemBounds.path),
    message: cut(i.message, problemBounds.message),
  }));
}

/** The first framework code answering with `status`: a Hono `HTTPException` carries a status only. */
function codeForStatus(status: number): string {
  for (const [code, codeStatus] of Object.entries(errorCodes)) if (codeStatus === status) return code;
  return status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
}

/**
 * Builds the problem document of anything a request can end with. A {@link DomainError} keeps its
 * code, message, issues and extensions; anything else is a 500 whose message and stack stay on
 * the server unless `exposeInternals` (development).
 *
 * @example
 * problemFromError(new DomainError('NOT_FOUND', 'No account 42'), { requestId: 'r1', instance: '/api/crm/accounts/42' })
 * // { type: 'about:blank', title: 'Not Found', status: 404, code: 'NOT_FOUND', detail: 'No account 42', ... }
 */
export function problemFromError(
  error: unknown,
  { exposeInternals = false, requestId, instance }: ProblemOptions = {},
): ProblemDocument {
  let status = 500;
  let code = 'INTERNAL';
  let detail = 'An unexpected error occurred; quote the requestId when reporting it.';
  let errors: ValidationIssue[] = [];
  let extensions: Record<string, unknown> = {};
  if (error instanceof DomainError) {
    ({ status, code } = error);
    detail = error.message;
    errors = error.issues;
    extensions = error.extensions;
  } else if (error instanceof HTTPException) {
    status = error.status;
    code = codeForStatus(status);
    detail = error.message || (STATUS_CODES[status] ?? 'Error');
  } else if (exposeInternals && error instanceof Error) {
    // even a developer's screen gets the statement, not the values it carried
    detail = queryFreeMessage(error);
  }
  const problem: ProblemDocument = {
    type: 'about:blank',
    // RFC 9457: with type about:blank the title is the status phrase; `code` tells problems apart
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail: cut(detail, problemBounds.detail),
    ...(instance === undefined ? {} : { instance: cut(instance, problemBounds.instance) }),
    code,
    ...(requestId === undefined ? {} : { requestId }),
    errors: boundedIssues(errors),
  };
  for (const [key, value] of Object.entries(extensions)) if (!reservedMembers.has(key)) problem[key] = value;
  if (exposeInternals && error instanceof Error && error.stack !== undefined && status >= 500) {
    problem.stack = withoutQueryValues(error.stack, queryValueCuts(error));
  }
  return problem;
}

/**
 * The response carrying a problem document.
 *
 * @example
 * return problemResponse(problemFromError(err), { Allow: 'GET, HEAD' });
 */
export function problemResponse(problem: ProblemDocument, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { ...headers, 'Content-Type': problemContentType },
  });
}

/** The problem document of `error` for the request in `c`. */
export function problemFor(c: Context<AppEnv>, error: unknown, exposeInternals = false): ProblemDocument {
  return problemFromError(error, { exposeInternals, requestId: c.get('requestId'), instance: c.req.path });
}

export interface ProblemHandlerOptions {
  /** show unexpected errors' messages and stacks (`http.exposeErrors`) */
  exposeInternals?: boolean;
}

/**
 * Hono's `onError`: every thrown error becomes problem+json, the request body's personal data
 * (by its schema's PII tags) masked wherever the problem or the logged error repeats it. Unexpected
 * errors are logged with their stack on the request's logger; 4xx are the client's business and
 * logged at debug.
 *
 * @example
 * app.onError(problemErrorHandler({ exposeInternals: config.http.exposeErrors }));
 */
export function problemErrorHandler({
  exposeInternals = false,
}: ProblemHandlerOptions = {}): ErrorHandler<AppEnv> {
  const answer = (error: unknown, c: Context<AppEnv>): Response => {
    const values = c.get('personalValues')?.() ?? [];
    // the body's personal data never comes back in a problem, nor reaches the log through one
    const problem = redactProblem(problemFor(c, error, exposeInternals), values);
    const logger = c.get('logger');
    // a bug deserves its stack; a DomainError 5xx (timeout, not ready) is an expected state
    if (!(error instanceof DomainError) && problem.status >= 500) {
      const err = error instanceof Error ? maskValues(serializeError(error), values) : error;
      logger?.error({ err, code: problem.code }, 'request failed');
    } else if (problem.status >= 500) {
      logger?.warn({ code: problem.code, detail: problem.detail }, 'request failed');
    } else {
      logger?.debug({ code: problem.code, detail: problem.detail }, 'request refused');
    }
    const retryAfter = error instanceof DomainError ? error.extensions.retryAfter : undefined;
    return problemResponse(problem, {
      ...c.get('rateLimitHeaders'),
      ...(typeof retryAfter === 'number' ? { 'Retry-After': String(retryAfter) } : {}),
    });
  };
  return (error, c) => {
    // a rate-limited operation's request refused before it was counted: count it, then answer
    if (c.get('rateLimiter') === undefined || c.get('rateLimitHeaders') !== undefined)
      return answer(error, c);
    return countRefusal(c).then(
      () => answer(error, c),
      (limited: unknown) => answer(limited, c),
    );
  };
}
