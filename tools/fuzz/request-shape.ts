/** One HTTP request exactly as it goes on the wire (the caller's credentials are added when sent). */
export interface RequestShape {
  method: string;
  /** percent-encoded as sent, without the query */
  path: string;
  /** the query string as sent, without `?`; `''` for none */
  query: string;
  /** header values may hold bytes 0x80-0xFF as latin1 characters; NUL needs `raw` */
  headers: Record<string, string>;
  body?: Uint8Array;
  /** a stream of `body` without `Content-Length` (chunked): the body limit must hold while streaming */
  chunked?: boolean;
  /** sent over a bare socket: it carries what fetch refuses to send (NUL or CR in a header) */
  raw?: boolean;
}

/** A JSON value that `JSON.stringify` cannot spell (`1e400`, `NaN`), spliced into the text as is. */
export class RawJson {
  constructor(readonly text: string) {}
}

/**
 * JSON text of a value that may hold {@link RawJson} parts.
 *
 * @example
 * jsonText({ amount: new RawJson('1e400') }); // '{"amount":1e400}'
 */
export function jsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (!(v instanceof RawJson)) return v;
    raws.push(v.text);
    return `\u0001raw${raws.length - 1}\u0001`;
  });
  return (text ?? 'null').replace(
    /"\\u0001raw(\d+)\\u0001"/g,
    (_m, index: string) => raws[Number(index)] ?? 'null',
  );
}

/** UTF-8 bytes of a text (lone surrogates become U+FFFD: send them escaped in JSON instead). */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The request line's target: path and query. */
export function targetOf(shape: RequestShape): string {
  return shape.query === '' ? shape.path : `${shape.path}?${shape.query}`;
}

/** The start of a text, with its length when cut, for reports. */
export function excerpt(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…(${text.length})` : text;
}
