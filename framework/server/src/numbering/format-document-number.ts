/** What a document number is made of: its series, the scope it counts in, and its place there. */
export interface DocumentNumberParts {
  /** e.g. `SINV` */
  series: string;
  /** e.g. `2026`; `''` for a series that never restarts */
  scope: string;
  /** the number `NumberingToken`'s `next` took, from 1 */
  seq: number;
}

const placeholder = /\{(series|scope|seq)(?::(\d{1,2}))?\}/g;

/**
 * A document number from a format: `{series}`, `{scope}` and `{seq}` replaced by the parts,
 * `{seq:5}` padding the number with zeros to 5 digits (a longer number is kept whole, never cut).
 * Any other text stays as written. A series without a scope drops the separator before `{scope}`
 * when the scope is empty, so `"{series}-{scope}-{seq:5}"` gives `SINV-00001`.
 *
 * @throws {RangeError} when `seq` is not a positive safe integer
 *
 * @example
 * formatDocumentNumber('{series}-{scope}-{seq:5}', { series: 'SINV', scope: '2026', seq: 1 }) // 'SINV-2026-00001'
 * formatDocumentNumber('{series}-{scope}-{seq:5}', { series: 'SINV', scope: '', seq: 42 }) // 'SINV-00042'
 */
export function formatDocumentNumber(format: string, { series, scope, seq }: DocumentNumberParts): string {
  if (!Number.isSafeInteger(seq) || seq < 1)
    throw new RangeError(`seq must be a positive integer, got ${seq}`);
  // an empty scope takes the separator written before it along, so no "--" is left
  const text = scope === '' ? format.replace(/[-_/.\s]?\{scope\}/g, '') : format;
  return text.replace(placeholder, (_match, name: string, width: string | undefined) => {
    if (name === 'series') return series;
    if (name === 'scope') return scope;
    return String(seq).padStart(width === undefined ? 0 : Number(width), '0');
  });
}
