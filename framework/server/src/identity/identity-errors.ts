import { DomainError } from '../errors/domain-error.js';

/** One message for every failed sign-in, so a response never tells which part was wrong. */
export function invalidCredentials(): DomainError {
  return new DomainError('INVALID_CREDENTIALS', 'The email, password or code is not right');
}

export function accountLocked(retryAfter: number): DomainError {
  return new DomainError('ACCOUNT_LOCKED', `Too many failed sign-ins: try again in ${retryAfter} s`, {
    extensions: { retryAfter },
  });
}

export function unauthenticated(
  detail = 'Sign in first: send a session cookie, a bearer token or an API key',
): DomainError {
  return new DomainError('UNAUTHENTICATED', detail);
}

/** A one-time token (reset, verification) that is unknown, used or expired: which one is not said. */
export function tokenInvalid(path = '/body/token'): DomainError {
  return new DomainError('TOKEN_INVALID', 'The link or code is invalid or has expired', {
    issues: [{ path, code: 'invalid', message: 'is invalid, used or expired' }],
  });
}
