/**
 * Where an issue points, in words: the document's field, then the line's number and field.
 *
 * @example
 * issuePlace('/lines/1/accountId', field, lineField) // 'Lines · 2 · Account'
 */
export function issuePlace(
  path: string,
  field: (name: string) => string,
  lineField: (name: string) => string,
): string {
  const tokens = path.split('/').filter((token) => token && token !== 'body');
  return tokens
    .map((token, index) =>
      /^\d+$/.test(token) ? String(Number(token) + 1) : index === 0 ? field(token) : lineField(token),
    )
    .join(' · ');
}
