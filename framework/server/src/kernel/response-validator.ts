import {
  createAjv,
  issuesFromAjv,
  type OpenApiDocument,
  type OpenApiOperation,
  type ValidationIssue,
} from '@codexion/schema';
import type { ValidateFunction } from 'ajv';
import { rewriteRefs } from '../http/request-validator.js';

const base = 'urn:codexion:test:responses';

type DocumentedResponse = OpenApiDocument['components']['responses'][string];

/**
 * Checks a response against the operation's documented response: the status must be documented
 * and the JSON body valid against its schema. For contract tests of the happy paths.
 *
 * @example
 * const check = responseValidator(doc);
 * expect(await check('listAccounts', response)).toEqual([]);
 */
export function responseValidator(doc: OpenApiDocument) {
  const ajv = createAjv({ strict: false });
  ajv.addSchema({ $id: base, $defs: rewriteRefs(doc.components.schemas ?? {}, base) });
  const operations = new Map<string, OpenApiOperation>();
  for (const item of Object.values(doc.paths))
    for (const operation of Object.values(item)) operations.set(operation.operationId, operation);
  const compiled = new Map<string, ValidateFunction | null>();

  const validatorFor = (operationId: string, status: number): ValidateFunction | null | undefined => {
    const key = `${operationId} ${status}`;
    if (compiled.has(key)) return compiled.get(key);
    const operation = operations.get(operationId);
    if (!operation) throw new Error(`no operation ${operationId} in the document`);
    let response = operation.responses[String(status)] as DocumentedResponse | { $ref: string } | undefined;
    if (response === undefined) return undefined;
    if ('$ref' in response) {
      const name = response.$ref.split('/').pop() ?? '';
      response = doc.components.responses?.[name] as DocumentedResponse | undefined;
    }
    const media = response?.content ? Object.values(response.content)[0] : undefined;
    const validate = media ? ajv.compile(rewriteRefs(media.schema, base)) : null;
    compiled.set(key, validate);
    return validate;
  };

  return async (operationId: string, response: Response): Promise<ValidationIssue[]> => {
    const validate = validatorFor(operationId, response.status);
    if (validate === undefined) {
      return [
        {
          path: '',
          code: 'status',
          message: `status ${response.status} is not documented for ${operationId}`,
        },
      ];
    }
    if (validate === null) return [];
    const body: unknown = await response.clone().json();
    return validate(body) ? [] : issuesFromAjv(validate.errors);
  };
}
