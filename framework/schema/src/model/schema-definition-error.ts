/** One problem in an app's `core/` files: which file, where in it, and why. */
export interface DefinitionIssue {
  /** path of the file relative to the app root, e.g. `core/schema/deal.schema.json` */
  file: string;
  /** JSON Pointer inside the file */
  pointer: string;
  message: string;
}

/**
 * Thrown when `core/` does not hold a valid app: a schema, rule, action or manifest that is
 * malformed or refers to something that does not exist. Lists every issue found, not just the first.
 *
 * @example
 * try { compileAppModel(sources) } catch (e) {
 *   if (e instanceof SchemaDefinitionError) for (const i of e.issues) console.error(`${i.file}#${i.pointer}: ${i.message}`)
 * }
 */
export class SchemaDefinitionError extends Error {
  readonly code = 'SCHEMA_DEFINITION_INVALID';
  readonly issues: DefinitionIssue[];

  constructor(issues: DefinitionIssue[]) {
    super(
      `${issues.length} problem${issues.length === 1 ? '' : 's'} in core/:\n${issues
        .map((i) => `  ${i.file}#${i.pointer}: ${i.message}`)
        .join('\n')}`,
    );
    this.name = 'SchemaDefinitionError';
    this.issues = issues;
  }
}
