import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

type AddFormats = typeof addFormatsModule.default;
// ajv-formats is CommonJS: Node hands over `module.exports` (the function), some bundlers `{ default }`.
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ??
  (addFormatsModule as unknown as AddFormats);

/** Annotation keywords Codexion schemas and OpenAPI documents carry; Ajv ignores their values. */
export const annotationKeywords = [
  'x-codexion',
  'x-codexion-permission',
  'x-generated',
  // a depth bound JSON Schema cannot state (a record's `custom` object); the code that owns the value enforces it
  'x-codexion-max-depth',
] as const;

/**
 * An Ajv for JSON Schema 2020-12 with formats, strict about unknown keywords, collecting all errors.
 *
 * @example
 * const ajv = createAjv();
 * const validate = ajv.compile(dealSchema);
 */
export function createAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, ...options });
  addFormats(ajv);
  // OpenAPI's integer formats, which the schemas use to pick column types (`int64` -> bigint)
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  for (const keyword of annotationKeywords)
    ajv.addKeyword({ keyword, schemaType: ['object', 'string', 'array', 'number'] });
  return ajv;
}
