// @codexion/framework/errors: typed errors with a code from the table, and the request issues they carry (docs/adr/0024)
export { DomainError, type DomainErrorOptions, validationFailed } from './domain-error.js';
export { type ErrorCode, errorCodes, statusOf } from './error-codes.js';
export {
  inRequest,
  isNotFound,
  referenceIssue,
  unknownReference,
  unknownReferenceMessage,
  withIssuePrefix,
} from './request-issues.js';
