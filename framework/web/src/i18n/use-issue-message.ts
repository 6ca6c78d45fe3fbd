import type { ValidationIssue } from '@codexion/schema';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityConfig } from '../entity/define-entities.js';
import type { RecordIssue } from '../entity/validate-record.js';

function paramsOf(issue: RecordIssue): Record<string, unknown> {
  const params = issue.params ?? {};
  const allowed = Array.isArray(params.allowedValues)
    ? params.allowedValues.map((value) => JSON.stringify(value)).join(', ')
    : undefined;
  return { ...params, allowed };
}

/**
 * Says a validation issue found in the browser in the user's language: a rule's message from the
 * app's catalog (`opportunity.rules.won-needs-amount`), an Ajv keyword's from the framework's
 * (`validation.minLength`), else the message as it came. Without an entity (an action on none),
 * only the framework's keyword messages apply.
 *
 * @example
 * const message = useIssueMessage(opportunity);
 * message({ path: '/name', code: 'required', message: 'is required' }) // 'ist erforderlich'
 */
export function useIssueMessage(
  entity: EntityConfig | undefined,
): (issue: RecordIssue | ValidationIssue) => string {
  const { t } = useTranslation('codexion');
  return useCallback(
    (issue: RecordIssue) => {
      if (entity?.rules.some((rule) => rule.id === issue.code)) {
        return t(`${entity.app}:${entity.name}.rules.${issue.code}`, { defaultValue: issue.message });
      }
      if (!issue.params) return issue.message;
      return t(`validation.${issue.code}`, { ...paramsOf(issue), defaultValue: issue.message });
    },
    [entity, t],
  );
}
