/**
 * Every error code the framework answers with, and its HTTP status. The one place codes map to
 * statuses; `problemFromError` and the OpenAPI responses follow it.
 */
export const errorCodes = {
  BAD_REQUEST: 400,
  MALFORMED_JSON: 400,
  INVALID_PARAMETER: 400,
  INVALID_FILTER: 400,
  INVALID_SORT: 400,
  INVALID_CURSOR: 400,
  /** a one-time token (password reset, email verification) that is unknown, used or expired */
  TOKEN_INVALID: 400,
  UNAUTHENTICATED: 401,
  /** a sign-in with a wrong email, password or MFA code (one code for all, so none is revealed) */
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  /** a cookie-authenticated unsafe request without a matching X-CSRF-Token, or from another origin */
  CSRF_FAILED: 403,
  /** the tenant is suspended: every request in it is refused */
  TENANT_SUSPENDED: 403,
  /** the user has no membership in the tenant the request names */
  NOT_A_MEMBER: 403,
  NOT_FOUND: 404,
  /** the app is not enabled for the request's tenant (see `AppAccessToken`): its API answers as if absent */
  APP_DISABLED: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  TRANSITION_NOT_ALLOWED: 409,
  UNIQUE_VIOLATION: 409,
  REFERENCE_VIOLATION: 409,
  /** the record's workflow state is one its entity declares immutable (`workflow.immutableIn`) */
  RECORD_LOCKED: 409,
  /** a request with the same Idempotency-Key is still running */
  IDEMPOTENCY_CONFLICT: 409,
  /** the change would leave the tenant without an owner */
  LAST_OWNER: 409,
  /** the role still has members */
  ROLE_IN_USE: 409,
  /** the user holds the most live API keys allowed in the tenant (`auth.apiKeys.maxPerUser`) */
  API_KEY_LIMIT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 422,
  /** an Idempotency-Key used before for a different request (method, path or body) */
  IDEMPOTENCY_KEY_REUSED: 422,
  /** a record merge naming the kept record among its duplicates */
  MERGE_INTO_SELF: 422,
  RULE_FAILED: 422,
  TRANSITION_GUARD_FAILED: 422,
  PRECONDITION_REQUIRED: 428,
  RATE_LIMITED: 429,
  /** too many failed sign-ins of the account or from the address: `Retry-After` says how long */
  ACCOUNT_LOCKED: 429,
  /** Node's parser refused the request's headers as too large */
  HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
  NOT_READY: 503,
  TIMEOUT: 504,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** The status of a code. */
export function statusOf(code: ErrorCode): number {
  return errorCodes[code];
}
