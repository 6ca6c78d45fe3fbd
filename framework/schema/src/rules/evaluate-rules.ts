import type { RuleDefinition } from '../model/app-model.js';
import type { ValidationIssue } from '../validation/validation-issue.js';
import { jsonLogic } from './json-logic.js';

/** Values rules may read beside the record's fields, each under a `$` name. */
export interface RuleContext {
  /** the acting user: `{ "var": "$user.id" }` */
  $user?: { id?: string; roles?: string[] } & Record<string, unknown>;
  /** now, ISO 8601 */
  $now?: string;
  /** today's date (`YYYY-MM-DD`) in the tenant's time zone */
  $today?: string;
  /** the record before this change, on updates */
  $previous?: Record<string, unknown>;
  $tenant?: Record<string, unknown>;
}

/**
 * Runs an entity's rules against a record: every rule whose `when` holds (or has none) and whose
 * `assert` fails gives one issue `{ path, code: rule id, message }`. The same function runs in the
 * browser before submit and on the server inside the write, so both report the same words.
 *
 * @example
 * evaluateRules(rules, { status: 'won', amount: 0 }, { $today: '2026-11-23' })
 * evaluateRules(rules, draft, {}, { skipFailing: true }) // in a form: a rule that throws is skipped
 * // [{ path: '/amount', code: 'won-needs-amount', message: 'A won deal needs an amount' }]
 */
export function evaluateRules(
  rules: readonly RuleDefinition[],
  record: Readonly<Record<string, unknown>>,
  context: RuleContext = {},
  { skipFailing = false }: { skipFailing?: boolean } = {},
): ValidationIssue[] {
  const now = context.$now ?? new Date().toISOString();
  const data = { ...record, ...context, $now: now, $today: context.$today ?? now.slice(0, 10) };
  const issues: ValidationIssue[] = [];
  for (const rule of rules) {
    let holds: boolean;
    try {
      if (rule.when !== undefined && !jsonLogic.truthy(jsonLogic.apply(rule.when as never, data))) continue;
      holds = jsonLogic.truthy(jsonLogic.apply(rule.assert as never, data));
    } catch (error) {
      // a half-filled form can make a rule throw; the browser leaves it to the server's check on submit
      if (skipFailing) continue;
      throw error;
    }
    if (!holds) issues.push({ path: rule.path, code: rule.id, message: rule.message });
  }
  return issues;
}
