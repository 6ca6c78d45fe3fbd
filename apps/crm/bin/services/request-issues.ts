import { DomainError, validationFailed } from '@codexion/framework';

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
    if (!(error instanceof DomainError) || error.issues.length === 0) throw error;
    throw new DomainError(error.code, error.message, {
      issues: error.issues.map((issue) => ({ ...issue, path: `${prefix}${issue.path}` })),
      status: error.status,
      extensions: error.extensions,
      cause: error,
    });
  }
}

/**
 * The 422 for an id in a request body that names no record of the tenant (missing, deleted, or
 * another tenant's: indistinguishable on purpose), worded as the engine words broken references.
 *
 * @example
 * throw unknownReference('/body/stageId', 'stage');
 */
export function unknownReference(path: string, entity: string): DomainError {
  return validationFailed(
    [{ path, code: 'reference', message: `refers to no ${entity} of this tenant` }],
    'The request refers to a record that does not exist',
  );
}

/** Whether `error` is the engine's 404 for a record. */
export function isNotFound(error: unknown): error is DomainError {
  return error instanceof DomainError && error.code === 'NOT_FOUND';
}
