import type { ValidationIssue } from '@codexion/schema';
import { useCallback, useMemo, useState } from 'react';
import { ProblemError } from '../api/problem-error.js';
import { useReportProblem } from '../api/use-report-problem.js';
import { pointerTokens } from '../entity/json-pointer.js';

/** Where in the request an issue's path points: the body (forms) or the query (filters). */
export type IssueSource = 'body' | 'query';

/**
 * Splits a problem's issues into those that land on one of `fields` and the rest. A field is a
 * dotted path under the source (`name`, `theme.light.primary`); an issue deeper than a field
 * (`/body/permissions/3`) lands on that field, the longest match winning; the first issue of a
 * field is kept.
 *
 * @example
 * placeFieldIssues([{ path: '/body/email', code: 'format', message: 'must be an email' }], ['email', 'role'])
 * // { onFields: { email: 'must be an email' }, elsewhere: [] }
 */
export function placeFieldIssues<F extends string>(
  issues: readonly ValidationIssue[],
  fields: readonly F[],
  source: IssueSource = 'body',
): { onFields: Partial<Record<F, string>>; elsewhere: ValidationIssue[] } {
  const onFields: Partial<Record<F, string>> = {};
  const elsewhere: ValidationIssue[] = [];
  const byLength = [...fields].sort((a, b) => b.length - a.length);
  for (const issue of issues) {
    const tokens = pointerTokens(issue.path);
    if (tokens[0] === source) tokens.shift();
    const path = tokens.join('.');
    const field = byLength.find((candidate) => path === candidate || path.startsWith(`${candidate}.`));
    if (field === undefined) elsewhere.push(issue);
    else onFields[field] ??= issue.message;
  }
  return { onFields, elsewhere };
}

export interface FieldErrors<F extends string> {
  /** the message shown on each field */
  errors: Partial<Record<F, string>>;
  /**
   * Puts a failed call's field issues on their fields and tells the user the rest in a toast.
   * Returns whether anything landed on a field.
   */
  report: (error: unknown) => boolean;
  /** sets (or, without a message, clears) one field's message: a check made in the browser */
  set: (field: F, message?: string) => void;
  /** clears every field's message */
  clear: () => void;
}

/**
 * The server's problem+json field errors of a small form, on the fields they name.
 *
 * @example
 * const fieldErrors = useFieldErrors(['email', 'role'] as const);
 * invite.mutate(body, { onError: fieldErrors.report });
 * <FormField label="Email" error={fieldErrors.errors.email}>…</FormField>
 */
export function useFieldErrors<F extends string>(
  fields: readonly F[],
  source: IssueSource = 'body',
): FieldErrors<F> {
  const reportProblem = useReportProblem();
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const key = fields.join('\u0000');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the fields' content
  const known = useMemo(() => [...fields], [key]);
  const report = useCallback(
    (error: unknown) => {
      if (!(error instanceof ProblemError)) {
        reportProblem(error);
        return false;
      }
      const { onFields, elsewhere } = placeFieldIssues(error.errors, known, source);
      setErrors(onFields);
      const placed = Object.keys(onFields).length > 0;
      // a problem that names no field of this form (403, 409 without a path, 5xx) still gets said
      if (!placed || elsewhere.length > 0) reportProblem(error);
      return placed;
    },
    [known, reportProblem, source],
  );
  const set = useCallback((field: F, message?: string) => {
    setErrors((previous) => {
      const next = { ...previous };
      if (message === undefined) delete next[field];
      else next[field] = message;
      return next;
    });
  }, []);
  const clear = useCallback(() => setErrors({}), []);
  return { errors, report, set, clear };
}
