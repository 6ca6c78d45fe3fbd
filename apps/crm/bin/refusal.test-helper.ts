import { DomainError } from '@codexion/framework/errors';

/**
 * The DomainError `work` is refused with; fails the test when it succeeds or throws anything else.
 *
 * @example
 * expect((await refusal(create(bad))).issues).toEqual([...]);
 */
export async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}
