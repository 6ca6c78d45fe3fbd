import { DomainError, type DomainErrorOptions } from '@codexion/framework';

/**
 * Cortex's own error codes and their HTTP statuses: the one place they map. Everything else it
 * answers with is a framework code (`NOT_FOUND`, `VALIDATION_FAILED`, `FORBIDDEN`, …).
 */
export const cortexErrorCodes = {
  /** disable: Cortex itself, or an app another app the host runs depends on */
  APP_REQUIRED: 409,
  /** an invitation token that names no invitation (or is malformed): nothing is revealed */
  INVITATION_NOT_FOUND: 404,
  /** the invitation was accepted already */
  INVITATION_USED: 409,
  /** the invitation is past its `expiresAt` */
  INVITATION_EXPIRED: 410,
  /** the invitation was revoked, or the person who sent it may no longer grant its role */
  INVITATION_REVOKED: 410,
  /** create: the address has a pending invitation already */
  INVITATION_PENDING: 409,
  /** create or accept: the address is a member of the tenant already */
  ALREADY_A_MEMBER: 409,
} as const;

export type CortexErrorCode = keyof typeof cortexErrorCodes;

/**
 * A DomainError with a Cortex code and that code's status.
 *
 * @example
 * throw cortexError('INVITATION_EXPIRED', 'The invitation expired on 2026-12-01');
 */
export function cortexError(
  code: CortexErrorCode,
  message: string,
  options: Omit<DomainErrorOptions, 'status'> = {},
): DomainError {
  return new DomainError(code, message, { ...options, status: cortexErrorCodes[code] });
}
