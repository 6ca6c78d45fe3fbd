import type { RequestShape } from './request-shape.js';

/** One generated bad request: what is wrong with it, and the request itself. */
export interface BadRequest {
  operationId: string;
  /** the class of bad input, stable across runs: `body.string.nul`, `query.pageSize.above-maximum` */
  kind: string;
  /** where the bad part is, as the problem's `errors[].path` would name it: `/body/title`, `/query/pageSize`, `/headers/if-match`; `/` for the request as a whole */
  target: string;
  shape: RequestShape;
  /** refused before authentication (HTTP parser, body limit): an anonymous caller gets the same */
  beforeAuth?: boolean;
  /** the caller's credential headers, changed (a forged CSRF token, a broken cookie) */
  credentials?: (headers: Readonly<Record<string, string>>) => Record<string, string>;
  /** the only acceptable statuses, where the contract says which (401 for a broken session) */
  expect?: readonly number[];
  /** sent after the others of its operation: if it wrongly passes it acts (a body on a body-less action) */
  last?: boolean;
}
