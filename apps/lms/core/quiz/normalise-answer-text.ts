/**
 * A short answer as it is compared: Unicode NFC (so a composed "é" equals "e" + combining accent),
 * whitespace trimmed and every run of it one space, lower case unless the question is case
 * sensitive. `toLowerCase` ignores the locale, so the server and every browser agree.
 *
 * @example
 * normaliseAnswerText('  Caf\u0065\u0301   au  LAIT ') // 'café au lait'
 */
export function normaliseAnswerText(
  text: string,
  { caseSensitive = false }: { caseSensitive?: boolean } = {},
): string {
  const spaced = text.normalize('NFC').trim().replace(/\s+/gu, ' ');
  return caseSensitive ? spaced : spaced.toLowerCase().normalize('NFC');
}
