import type { operations } from '../../core/generated/openapi.js';

type JsonBody<Id extends keyof operations> = operations[Id] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** `POST /people/{id}/convert`'s body, as the contract (`core/actions/convert-lead.json`) types it. */
export type ConvertLeadBody = JsonBody<'convertLead'>;
/** `POST /deals/{id}/move`'s body. */
export type MoveDealBody = JsonBody<'moveDeal'>;
/** `POST /deals/{id}/lose`'s body. */
export type LoseDealBody = JsonBody<'loseDeal'>;
/** `POST /people/{id}/merge`'s and `POST /companies/{id}/merge`'s body. */
export type MergeBody = JsonBody<'mergePeople'>;

/** A record as the resource engine returns it. */
export type ApiRecord = Record<string, unknown>;
