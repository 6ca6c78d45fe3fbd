import type { ErrorObject } from 'ajv';

/**
 * The one error shape of Codexion, used by server and browser alike: in problem+json
 * `errors[]`, in form field errors, in rule failures.
 *
 * @example
 * { path: '/amount', code: 'minimum', message: 'must be >= 0' }
 */
export interface ValidationIssue {
  /** JSON Pointer (RFC 6901) to the offending value; `''` for the whole document */
  path: string;
  /** machine-readable: the JSON Schema keyword, a rule id, or an error code */
  code: string;
  message: string;
}

/** Escapes one JSON Pointer reference token (RFC 6901). */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function pointerFor(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  // Ajv reports a missing or extra property on the parent object; the user wants it on the field.
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    return `${error.instancePath}/${escapePointerToken(params.missingProperty)}`;
  }
  if (
    (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') &&
    typeof params.additionalProperty === 'string'
  ) {
    return `${error.instancePath}/${escapePointerToken(params.additionalProperty)}`;
  }
  return error.instancePath;
}

function messageFor(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'is not a known field';
    case 'enum':
      return `must be one of: ${(Array.isArray(params.allowedValues) ? params.allowedValues : []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'format':
      return `must be a valid ${String(params.format)}`;
    case 'false schema':
      return 'is not allowed here';
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

/**
 * Turns Ajv errors into Codexion issues, one per offending path and keyword, in a stable order.
 *
 * @example
 * if (!validate(body)) return issuesFromAjv(validate.errors)
 */
export function issuesFromAjv(errors: readonly ErrorObject[] | null | undefined): ValidationIssue[] {
  if (!errors) return [];
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const error of errors) {
    // anyOf/oneOf emit a summary error after the branch errors; the branch errors say more.
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'if') continue;
    const issue = { path: pointerFor(error), code: error.keyword, message: messageFor(error) };
    const key = `${issue.path}\u0000${issue.code}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}
