import { DomainError } from '../errors/domain-error.js';

/**
 * The strong entity tag of a record at a version: `"<id>:<version>"`. Strong, because If-Match
 * compares strongly (RFC 9110 §13.1.1), and with the id, so the tag of one record never matches
 * another's.
 *
 * @example
 * formatEtag('6f1c…', 3) // '"6f1c…:3"'
 */
export function formatEtag(id: string, version: number): string {
  return `"${id}:${version}"`;
}

const entityTag = /^\s*(W\/)?"([^"]*)"\s*$/;

/**
 * Whether an `If-Match` header lets a write go ahead on the record at `version`: absent or `*`
 * (the record exists) yes; otherwise one of its tags must be the record's. A weak tag (`W/"…"`) is
 * compared by its value: proxies that compress responses weaken strong tags, and refusing them
 * would make every such client's write fail.
 *
 * @throws {DomainError} `INVALID_PARAMETER` when the header is not a list of entity tags
 *
 * @example
 * ifMatchHolds('"6f1c…:3"', '6f1c…', 3) // true
 * ifMatchHolds('"6f1c…:2"', '6f1c…', 3) // false -> answer 412
 */
export function ifMatchHolds(header: string | undefined, id: string, version: number): boolean {
  if (header === undefined || header.trim() === '*') return true;
  const current = `${id}:${version}`;
  const tags = header.split(',');
  let matched = false;
  for (const tag of tags) {
    const match = entityTag.exec(tag);
    if (match === null) {
      throw new DomainError('INVALID_PARAMETER', 'If-Match must be "*" or a list of entity tags', {
        issues: [{ path: '/headers/if-match', code: 'format', message: 'is not a list of entity tags' }],
      });
    }
    if (match[2] === current) matched = true;
  }
  return matched;
}
