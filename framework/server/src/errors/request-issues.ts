import type { ValidationIssue } from '@codexion/schema';
import { DomainError, validationFailed } from './domain-error.js';

/** The message every broken reference gets. */
export const unknownReferenceMessage = 'The request refers to a record that does not exist';

/**
 * The error with its issues moved under `prefix` (`/body`, `/body/deal`); issues about headers
 * stay where they are. An error without issues comes back as it is.
 *
 * @example
 * withIssuePrefix('/body', error) // issue `/amount` becomes `/body/amount`
 */
export function withIssuePrefix(prefix: string, error: unknown): unknown {
  if (!(error instanceof DomainError) || error.issues.length === 0) return error;
  return new DomainError(error.code, error.message, {
    issues: error.issues.map((issue) =>
      issue.path.startsWith('/headers/') ? issue : { ...issue, path: `${prefix}${issue.path}` },
    ),
    status: error.status,
    extensions: error.extensions,
    cause: error,
  });
}

/**
 * Runs one step of an action and says where in the request its issues are: the resource engine
 * names a field by its place in the record (`/amount`), a form needs its place in the body
 * (`/body/deal/amount`), as the framework's CRUD routes answer (`/body/amount`).
 *
 * @example
 * const company = await inRequest('/body/company', () => companies.create({ name, domain }));
 */
export async function inRequest<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw withIssuePrefix(prefix, error);
  }
}

/**
 * The 422 for an id that names no record of the tenant (missing, deleted, or another tenant's:
 * indistinguishable on purpose), as the engine words every broken reference.
 *
 * @example
 * throw unknownReference('/body/stageId', 'stage');
 */
export function unknownReference(path: string, entity: string): DomainError {
  return validationFailed([referenceIssue(path, entity)], unknownReferenceMessage);
}

/**
 * The issue of one broken reference, at `path`.
 *
 * @example
 * referenceIssue('/tagIds/2', 'tag') // { path: '/tagIds/2', code: 'reference', message: 'refers to no tag of this tenant' }
 */
export function referenceIssue(path: string, entity: string): ValidationIssue {
  return { path, code: 'reference', message: `refers to no ${entity} of this tenant` };
}

/** Whether `error` is the engine's 404 for a record. */
export function isNotFound(error: unknown): error is DomainError {
  return error instanceof DomainError && error.code === 'NOT_FOUND';
}
