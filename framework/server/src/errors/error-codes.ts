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
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  TRANSITION_NOT_ALLOWED: 409,
  UNIQUE_VIOLATION: 409,
  REFERENCE_VIOLATION: 409,
  IDEMPOTENCY_CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 422,
  RULE_FAILED: 422,
  TRANSITION_GUARD_FAILED: 422,
  PRECONDITION_REQUIRED: 428,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  NOT_READY: 503,
  TIMEOUT: 504,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** The status of a code. */
export function statusOf(code: ErrorCode): number {
  return errorCodes[code];
}
