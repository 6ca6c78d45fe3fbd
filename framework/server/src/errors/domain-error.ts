import type { ValidationIssue } from '@codexion/schema';
import { type ErrorCode, errorCodes } from './error-codes.js';

export interface DomainErrorOptions {
  /** field-level issues, each `{ path, code, message }` */
  issues?: ValidationIssue[];
  /** overrides the code's status, for app-specific codes */
  status?: number;
  /** extra members for the problem document (e.g. `retryAfter`) */
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * An error a request can end with, answered as RFC 9457 problem+json. Framework codes take
 * their status from {@link errorCodes}; an app's own code (`DEAL_CLOSED`) passes its status.
 *
 * @example
 * throw new DomainError('PRECONDITION_FAILED', 'The record changed since you read it');
 * throw new DomainError('DEAL_CLOSED', 'A closed deal cannot move', { status: 409 });
 */
export class DomainError extends Error {
  readonly code: string;
  readonly status: number;
  readonly issues: ValidationIssue[];
  readonly extensions: Record<string, unknown>;

  constructor(code: ErrorCode | (string & {}), message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.status = options.status ?? (errorCodes as Record<string, number>)[code] ?? 400;
    this.issues = options.issues ?? [];
    this.extensions = options.extensions ?? {};
  }
}

/** A 422 with field issues: the most common failure of a write. */
export function validationFailed(
  issues: ValidationIssue[],
  message = 'The request has invalid fields',
): DomainError {
  return new DomainError('VALIDATION_FAILED', message, { issues });
}
