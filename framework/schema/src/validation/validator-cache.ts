import type { AnySchema, ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { createAjv } from './create-ajv.js';
import { issuesFromAjv, type ValidationIssue } from './validation-issue.js';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/**
 * Compiles each schema once and keeps the validator, keyed by the schema object itself.
 * Compiling is the expensive part of Ajv (milliseconds); validating is microseconds.
 *
 * @example
 * const cache = new ValidatorCache();
 * const result = cache.validate<Deal>(dealSchema, body);
 * if (!result.ok) throw new ProblemError(422, result.issues);
 */
export class ValidatorCache {
  readonly ajv: Ajv2020;
  readonly #byObject = new WeakMap<object, ValidateFunction>();

  constructor(ajv: Ajv2020 = createAjv()) {
    this.ajv = ajv;
  }

  /** Registers a schema under its `$id` (or the given key) so others can `$ref` it. */
  add(schema: AnySchema, key?: string): this {
    this.ajv.addSchema(schema, key);
    return this;
  }

  get(schema: object): ValidateFunction {
    let validate = this.#byObject.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.#byObject.set(schema, validate);
    }
    return validate;
  }

  validate<T>(schema: object, data: unknown): ValidationResult<T> {
    const validate = this.get(schema);
    return validate(data)
      ? { ok: true, value: data as T }
      : { ok: false, issues: issuesFromAjv(validate.errors) };
  }
}
