import { KernelError } from './kernel-error.js';

/** One bad config value: the dotted key, the value (already redacted if secret), why, and who set it. */
export interface ConfigIssue {
  key: string;
  value: unknown;
  reason: string;
  /** `defaults`, `config/base.yaml`, `env CODEXION_HTTP__PORT`, `overrides`, … */
  source: string | undefined;
}

function show(value: unknown): string {
  if (value === undefined) return '(unset)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** `http.port = "abc" (from env CODEXION_HTTP__PORT): must be integer` */
export function describeIssue(issue: ConfigIssue): string {
  const from = issue.source === undefined ? '' : ` (from ${issue.source})`;
  return `${issue.key} = ${show(issue.value)}${from}: ${issue.reason}`;
}

/**
 * The configuration is invalid: the boot stops, and the message names each key, value and reason.
 *
 * @example
 * // invalid config: http.port = "abc" (from env CODEXION_HTTP__PORT): must be integer
 */
export class ConfigError extends KernelError {
  readonly issues: ConfigIssue[];

  constructor(issues: ConfigIssue[], code: 'CONFIG_INVALID' | 'CONFIG_SOURCE_INVALID' = 'CONFIG_INVALID') {
    const lines = issues.map(describeIssue);
    super(code, `invalid config: ${lines.length === 1 ? lines[0] : `\n  ${lines.join('\n  ')}`}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}
