/** Why an OpenAPI document could not be built from an app's `core/`. */
export type OpenApiBuildErrorCode =
  | 'unresolvable-ref'
  | 'duplicate-operation-id'
  | 'duplicate-operation'
  | 'conflicting-path-template'
  | 'duplicate-component'
  | 'unknown-entity'
  | 'invalid-action-path'
  | 'unsupported-action-request';

/**
 * A contract problem found while building the OpenAPI document. Carries where it is in the
 * author's files so the CLI can point at the line instead of at generated output.
 *
 * @example
 * try {
 *   buildOpenApi(app);
 * } catch (error) {
 *   if (error instanceof OpenApiBuildError) console.error(`${error.source}#${error.pointer}: ${error.message}`);
 * }
 */
export class OpenApiBuildError extends Error {
  override readonly name = 'OpenApiBuildError';
  readonly code: OpenApiBuildErrorCode;
  /** app-relative file of the entity, or `action:<id>` because actions do not record their file */
  readonly source: string;
  /** JSON Pointer inside `source` of the offending value (`''` for the whole file) */
  readonly pointer: string;

  constructor(code: OpenApiBuildErrorCode, message: string, source: string, pointer: string) {
    super(`${message} (${source}${pointer === '' ? '' : `#${pointer}`})`);
    this.code = code;
    this.source = source;
    this.pointer = pointer;
  }
}
