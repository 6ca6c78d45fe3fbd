/**
 * Sets a cookie of the test page, as the server's `Set-Cookie` would (a signed-in session's CSRF
 * cookie, say).
 *
 * @example
 * setDocumentCookie('codexion_session_csrf', 'token');
 */
export function setDocumentCookie(name: string, value: string): void {
  // biome-ignore lint/suspicious/noDocumentCookie: tests play the server's Set-Cookie; happy-dom has no Cookie Store API
  document.cookie = `${name}=${value}; path=/`;
}

/**
 * Deletes every cookie of the test page.
 *
 * @example
 * afterEach(clearDocumentCookies);
 */
export function clearDocumentCookies(): void {
  for (const part of document.cookie.split(';')) {
    const name = part.split('=')[0]?.trim();
    // biome-ignore lint/suspicious/noDocumentCookie: expiring a cookie is how a page deletes it; happy-dom has no Cookie Store API
    if (name) document.cookie = `${name}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  }
}
