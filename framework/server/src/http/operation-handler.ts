import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';

/**
 * The parsed, contract-validated input of one OpenAPI operation: path params, query (coerced to
 * the declared types, `deepObject` params as objects), body (parsed by content type), headers
 * (lower-case names).
 */
export interface OperationInput {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  headers: Record<string, string>;
}

/** Handles one operation; the router has already validated `input` against the contract. */
export type OperationHandler = (c: Context<AppEnv>, input: OperationInput) => Promise<Response> | Response;
