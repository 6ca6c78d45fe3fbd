import { DomainError, type DomainErrorOptions } from '@codexion/framework';

/**
 * The CRM's own error codes and their HTTP statuses: the one place they map. Everything else the
 * CRM answers with is a framework code (`NOT_FOUND`, `RULE_FAILED`, `TRANSITION_NOT_ALLOWED`, …).
 */
export const crmErrorCodes = {
  /** convert: the person already works for a company, so is not a lead */
  LEAD_ALREADY_CONVERTED: 409,
  /** move: a won or lost deal stays where it closed until it is reopened */
  DEAL_CLOSED: 409,
  /** merge: a record cannot be its own duplicate */
  MERGE_INTO_SELF: 422,
} as const;

export type CrmErrorCode = keyof typeof crmErrorCodes;

/**
 * A DomainError with a CRM code and that code's status.
 *
 * @example
 * throw crmError('DEAL_CLOSED', 'A won deal does not move; reopen it first');
 */
export function crmError(
  code: CrmErrorCode,
  message: string,
  options: Omit<DomainErrorOptions, 'status'> = {},
): DomainError {
  return new DomainError(code, message, { ...options, status: crmErrorCodes[code] });
}
