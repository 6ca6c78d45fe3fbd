/** Decodes a JSON Pointer (RFC 6901) into its tokens. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The form path of a server or validator error: `/body/address/city` → `address.city`. The
 * `/body` prefix is how a server names the request body; `''` is an error on the whole record.
 *
 * @example
 * fieldPathOf('/body/amount') // 'amount'
 */
export function fieldPathOf(pointer: string): string {
  const tokens = pointerTokens(pointer);
  if (tokens[0] === 'body') tokens.shift();
  return tokens.join('.');
}
