import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftMessages, DraftOptions } from '../entity/draft-values.js';
import { useFormatters } from '../locale/locale-provider.js';

/**
 * What `toDraft` and `fromDraft` need from the tenant and the language: the decimal separator and
 * currency, and the messages of values that cannot be read.
 *
 * @example
 * const { options, messages } = useDraftSettings();
 * fromDraft(fields, values, options, messages);
 */
export function useDraftSettings(): { options: DraftOptions; messages: DraftMessages } {
  const { t } = useTranslation('codexion');
  const formatters = useFormatters();
  const options = useMemo(
    () => ({ decimalSeparator: formatters.decimalSeparator, currency: formatters.currency }),
    [formatters],
  );
  const messages = useMemo(
    () => ({ notANumber: t('validation.notANumber'), invalidJson: t('validation.invalidJson') }),
    [t],
  );
  return { options, messages };
}
