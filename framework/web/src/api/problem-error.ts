import type { ValidationIssue } from '@codexion/schema';

/** RFC 9457 problem details as Codexion servers answer them. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  requestId?: string;
  errors: ValidationIssue[];
  [extension: string]: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function issuesOf(value: unknown): ValidationIssue[] {
  if (!Array.isArray(value)) return [];
  const issues: ValidationIssue[] = [];
  for (const item of value) {
    if (!isRecord(item)) continue;
    const path = typeof item.path === 'string' ? item.path : '';
    const code = typeof item.code === 'string' ? item.code : 'error';
    const message = typeof item.message === 'string' ? item.message : code;
    issues.push({ path, code, message });
  }
  return issues;
}

/**
 * Parses a problem+json body; anything else (an HTML error page, a proxy's text) still becomes a
 * problem so callers handle one shape.
 *
 * @example
 * parseProblem(422, { title: 'Unprocessable', errors: [{ path: '/body/name', code: 'required', message: 'is required' }] })
 */
export function parseProblem(status: number, body: unknown, statusText = ''): ProblemDocument {
  if (!isRecord(body)) {
    return { type: 'about:blank', title: statusText || `HTTP ${status}`, status, errors: [] };
  }
  return {
    ...body,
    type: typeof body.type === 'string' ? body.type : 'about:blank',
    title: typeof body.title === 'string' ? body.title : statusText || `HTTP ${status}`,
    status: typeof body.status === 'number' ? body.status : status,
    detail: typeof body.detail === 'string' ? body.detail : undefined,
    code: typeof body.code === 'string' ? body.code : undefined,
    requestId: typeof body.requestId === 'string' ? body.requestId : undefined,
    errors: issuesOf(body.errors),
  };
}

/**
 * A failed API call, carrying the server's problem document. `status` 0 means the request never
 * got an answer (network down, CORS, aborted).
 *
 * @example
 * try { await createAccount({ client, body, throwOnError: true }) }
 * catch (error) { if (error instanceof ProblemError && error.status === 422) showFieldErrors(error.errors) }
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly errors: ValidationIssue[];
  readonly problem: ProblemDocument;

  constructor(problem: ProblemDocument) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
    this.status = problem.status;
    this.code = problem.code;
    this.errors = problem.errors;
    this.problem = problem;
  }

  /** No answer at all: worth retrying. */
  get isNetworkError(): boolean {
    return this.status === 0;
  }

  static network(cause: unknown): ProblemError {
    const detail = cause instanceof Error ? cause.message : String(cause);
    const error = new ProblemError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail,
      errors: [],
    });
    error.cause = cause;
    return error;
  }
}

/** Whether a failed query is worth another try: no answer, or the server's own fault (5xx). */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ProblemError) return error.status === 0 || error.status >= 500;
  // a TypeError from fetch itself is a network failure; anything else is a bug, not worth retrying
  return error instanceof TypeError;
}
