import type { ValidationIssue } from '@codexion/schema';

/**
 * RFC 9457 Problem Details as the framework answers them: the standard members, a stable `code`
 * from the error table, the request id to quote to support, and per-field `errors`.
 */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  requestId?: string;
  errors: ValidationIssue[];
  /** development only */
  stack?: string;
  [extension: string]: unknown;
}
