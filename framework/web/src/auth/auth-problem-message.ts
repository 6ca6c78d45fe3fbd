import { ProblemError } from '../api/problem-error.js';

/** The framework namespace's `t` (`useTranslation('codexion')`). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A wait in the user's language and the largest fitting unit: `45 seconds`, `15 minutes`, `2 Stunden`.
 *
 * @example
 * formatWait(900, 'en-US') // '15 minutes'
 */
export function formatWait(seconds: number, locale: string): string {
  const [value, unit] =
    seconds < 60
      ? [Math.max(1, Math.round(seconds)), 'second']
      : seconds < 3600
        ? [Math.ceil(seconds / 60), 'minute']
        : [Math.ceil(seconds / 3600), 'hour'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** The field of a sign-in form a server issue names (`/body/email` → `email`). */
export function issueField(path: string): string {
  return path.replace(/^\/body\//, '').replace(/^\//, '');
}

/**
 * What to tell the user about a failed sign-in step, from the server's problem+json: wrong
 * credentials, a lockout with the time to wait, no connection, the server's fault.
 *
 * @example
 * authProblemMessage(error, t, 'en-US') // 'Too many failed sign-ins. Try again in 15 minutes.'
 */
export function authProblemMessage(
  error: unknown,
  t: Translate,
  locale: string,
  wrongCredentials = t('auth.login.errors.invalid'),
): string {
  if (!(error instanceof ProblemError)) return t('errors.unexpected');
  if (error.isNetworkError) return t('errors.network');
  if (error.status === 401) return wrongCredentials;
  if (error.status === 429) {
    const { retryAfter } = error.problem;
    return typeof retryAfter === 'number' && retryAfter > 0
      ? t('auth.login.errors.locked', { wait: formatWait(retryAfter, locale) })
      : t('auth.login.errors.lockedSoon');
  }
  if (error.status === 403) return t('auth.login.errors.forbidden');
  if (error.status === 422) return t('errors.checkFields');
  if (error.status >= 500) return t('errors.server');
  return error.problem.detail ?? error.problem.title;
}
