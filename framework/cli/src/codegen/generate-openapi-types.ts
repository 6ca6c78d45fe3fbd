import openapiTS, { astToString } from 'openapi-typescript';
import { tsBanner } from './banner.js';
import { formatSource } from './format-source.js';
import type { OpenApiDocument } from './generate-openapi.js';

/**
 * `core/generated/openapi.d.ts`: openapi-typescript's `paths`, `components` and `operations`,
 * which type the server's handlers against the contract.
 *
 * @example
 * const source = await generateOpenApiTypes(openapi);
 */
export async function generateOpenApiTypes(openapi: OpenApiDocument): Promise<string> {
  // openapi-typescript takes a parsed document; a copy keeps it from annotating ours
  const ast = await openapiTS(structuredClone(openapi) as Parameters<typeof openapiTS>[0], {
    alphabetize: true,
    exportType: false,
    silent: true,
  });
  return formatSource(`${tsBanner()}\n${astToString(ast)}`, 'typescript');
}
