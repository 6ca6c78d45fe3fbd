import { isDeepStrictEqual } from 'node:util';
import type { ApiRecord } from './action-bodies.js';

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * The members of `lists`, in order, each once: the first of those with the same `key` wins.
 *
 * @example
 * unite([['a@x.io'], ['A@x.io', 'b@x.io']], (e) => String(e).toLowerCase()) // ['a@x.io', 'b@x.io']
 */
export function unite<T>(lists: readonly (readonly T[])[], key: (item: T) => unknown = (item) => item): T[] {
  const seen = new Set<unknown>();
  const united: T[] = [];
  for (const list of lists) {
    for (const item of list) {
      const k = key(item);
      if (seen.has(k)) continue;
      seen.add(k);
      united.push(item);
    }
  }
  return united;
}

/**
 * The kept record's empty `fields` filled from the duplicates, the first duplicate that has a
 * value winning (the order the user gave); only the fields that change.
 *
 * @example
 * fillEmpty({ phone: null, industry: 'retail' }, [{ phone: '+4930…', industry: 'software' }], ['phone', 'industry'])
 * // { phone: '+4930…' }
 */
export function fillEmpty(
  kept: ApiRecord,
  duplicates: readonly ApiRecord[],
  fields: readonly string[],
): ApiRecord {
  const patch: ApiRecord = {};
  for (const field of fields) {
    if (!isEmpty(kept[field])) continue;
    const found = duplicates.find((duplicate) => !isEmpty(duplicate[field]));
    if (found !== undefined) patch[field] = found[field];
  }
  return patch;
}

/** `tagIds` of all, the kept record's first. */
export function unitedTags(kept: ApiRecord, duplicates: readonly ApiRecord[]): unknown[] {
  return unite([kept, ...duplicates].map((record) => arrayOf(record.tagIds)));
}

/** Custom fields: the kept record's, plus those only a duplicate has (first duplicate wins). */
export function unitedCustom(kept: ApiRecord, duplicates: readonly ApiRecord[]): Record<string, unknown> {
  const custom: Record<string, unknown> = {};
  for (const record of [...duplicates].reverse()) Object.assign(custom, record.custom ?? {});
  return { ...custom, ...((kept.custom as Record<string, unknown> | undefined) ?? {}) };
}

/** `patch` without the members that would not change `kept`: a merge that adds nothing writes nothing. */
export function changesOnly(kept: ApiRecord, patch: ApiRecord): ApiRecord {
  return Object.fromEntries(
    Object.entries(patch).filter(([field, value]) => !isDeepStrictEqual(kept[field], value)),
  );
}

/**
 * What a person keeps of its duplicates: empty fields filled; every email address of all of them,
 * one primary (the kept one's, else the first duplicate's) and the rest as other emails (each
 * once, ignoring case); phone numbers united by number; tags united; custom fields filled.
 *
 * @example
 * personMergePatch({ email: 'a@x.io', otherEmails: [] }, [{ email: 'b@x.io', otherEmails: ['a@x.io'] }])
 * // { otherEmails: ['b@x.io'] }
 */
export function personMergePatch(kept: ApiRecord, duplicates: readonly ApiRecord[]): ApiRecord {
  const patch = fillEmpty(kept, duplicates, [
    'lastName',
    'email',
    'jobTitle',
    'companyId',
    'linkedinUrl',
    'source',
    'ownerId',
  ]);
  const primary = patch.email ?? kept.email;
  const lower = (email: unknown) => String(email).toLowerCase();
  const emails = unite(
    [kept, ...duplicates].map((record) => [
      ...(isEmpty(record.email) ? [] : [record.email]),
      ...arrayOf(record.otherEmails),
    ]),
    lower,
  );
  patch.otherEmails = emails.filter((email) => isEmpty(primary) || lower(email) !== lower(primary));
  patch.phones = unite(
    [kept, ...duplicates].map((record) => arrayOf(record.phones)),
    (phone) => (phone as { number?: unknown } | null)?.number,
  );
  patch.tagIds = unitedTags(kept, duplicates);
  patch.custom = unitedCustom(kept, duplicates);
  return changesOnly(kept, patch);
}

/**
 * What a company keeps of its duplicates: empty fields filled (the domain too: the duplicates are
 * deleted first, which frees theirs), tags united, custom fields filled.
 */
export function companyMergePatch(kept: ApiRecord, duplicates: readonly ApiRecord[]): ApiRecord {
  const patch = fillEmpty(kept, duplicates, [
    'domain',
    'industry',
    'size',
    'phone',
    'address',
    'description',
    'ownerId',
  ]);
  patch.tagIds = unitedTags(kept, duplicates);
  patch.custom = unitedCustom(kept, duplicates);
  return changesOnly(kept, patch);
}
