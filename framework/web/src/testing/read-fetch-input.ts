/** A request as a fake server reads it, whichever way `fetch` was called. */
export interface FetchInput {
  url: URL;
  method: string;
  headers: Headers;
  /** the body's text, `''` without one */
  text: string;
}

/**
 * Reads `fetch(url, init)` and `fetch(request)` alike (the generated SDK calls the latter): what a
 * fake server answers from. A relative URL is read against `http://localhost`.
 *
 * @example
 * const fakeFetch: typeof fetch = async (input, init) => {
 *   const { url, method, text } = await readFetchInput(input, init);
 *   …
 * };
 */
export async function readFetchInput(input: RequestInfo | URL, init?: RequestInit): Promise<FetchInput> {
  const request = input instanceof Request ? input : undefined;
  const url = new URL(request ? request.url : String(input), 'http://localhost');
  const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
  const headers = new Headers(init?.headers ?? request?.headers);
  const text = typeof init?.body === 'string' ? init.body : request ? await request.clone().text() : '';
  return { url, method, headers, text };
}
