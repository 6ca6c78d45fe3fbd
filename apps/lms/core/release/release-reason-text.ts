import catalog from './release-messages.json' with { type: 'json' };
import type { LockedReason, ReasonKey } from './release-states.js';

export type ReleaseLocale = 'en' | 'de';

/** Both catalogs hold every key: a key missing from one fails the typecheck here. */
const messages: Record<ReleaseLocale, Record<ReasonKey, string>> = catalog;

/**
 * A locked reason as a sentence in English or German: lists joined the locale's way ("A, B and C",
 * "A, B und C"), dates in the locale's medium style in `timeZone` (UTC unless given), percentages
 * with the locale's decimal mark. The pages may as well put the keys of `release-messages.json`
 * into their own catalog; this is the same text without one.
 *
 * @example
 * releaseReasonText({ key: 'prerequisite', params: { items: ['Intro', 'Basics'] } }, 'de')
 * // 'Schließen Sie zuerst Intro und Basics ab.'
 */
export function releaseReasonText(
  reason: LockedReason,
  locale: ReleaseLocale,
  { timeZone = 'UTC' } = {},
): string {
  const template = messages[locale][reason.key];
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = reason.params[name];
    if (Array.isArray(value)) return new Intl.ListFormat(locale, { type: 'conjunction' }).format(value);
    if (name === 'date' && typeof value === 'string')
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
        new Date(value),
      );
    if (typeof value === 'number')
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
    return value ?? `{{${name}}}`;
  });
}
