import { isDeepStrictEqual } from 'node:util';
import type { Draft } from '@codexion/framework';
import type { Company, CompanyPatch, Person, PersonPatch } from '../../core/generated/client/types.gen.js';

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/**
 * The members of `lists`, in order, each once: the first of those with the same `key` wins.
 *
 * @example
 * unite([['a@x.io'], ['A@x.io', 'b@x.io']], (e) => e.toLowerCase()) // ['a@x.io', 'b@x.io']
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
export function fillEmpty<R extends object, K extends keyof R>(
  kept: R,
  duplicates: readonly R[],
  fields: readonly K[],
): Partial<Pick<R, K>> {
  const patch: Partial<Pick<R, K>> = {};
  for (const field of fields) {
    if (!isEmpty(kept[field])) continue;
    const found = duplicates.find((duplicate) => !isEmpty(duplicate[field]));
    if (found !== undefined) patch[field] = found[field];
  }
  return patch;
}

/** What tags and custom fields a record has: all the merge reads of both entities. */
interface Mergeable {
  tagIds: readonly string[];
  custom: Record<string, unknown>;
}

/** `tagIds` of all, the kept record's first. */
export function unitedTags(kept: Mergeable, duplicates: readonly Mergeable[]): string[] {
  return unite([kept, ...duplicates].map((record) => record.tagIds));
}

/** Custom fields: the kept record's, plus those only a duplicate has (first duplicate wins). */
export function unitedCustom(kept: Mergeable, duplicates: readonly Mergeable[]): Record<string, unknown> {
  const custom: Record<string, unknown> = {};
  for (const record of [...duplicates].reverse()) Object.assign(custom, record.custom);
  return { ...custom, ...kept.custom };
}

/** `patch` without the members that would not change `kept`: a merge that adds nothing writes nothing. */
export function changesOnly<P extends object>(kept: object, patch: P): Partial<P> {
  const current = kept as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(patch).filter(([field, value]) => !isDeepStrictEqual(current[field], value)),
  ) as Partial<P>;
}

/**
 * What a person keeps of its duplicates: empty fields filled; every email address of all of them,
 * one primary (the kept one's, else the first duplicate's) and the rest as other emails (each
 * once, ignoring case); phone numbers united by number; tags united; custom fields filled.
 *
 * @example
 * personMergePatch({ email: 'a@x.io', otherEmails: [], … }, [{ email: 'b@x.io', otherEmails: ['a@x.io'], … }])
 * // { otherEmails: ['b@x.io'] }
 */
export function personMergePatch(kept: Draft<Person>, duplicates: readonly Draft<Person>[]): PersonPatch {
  const patch: PersonPatch = fillEmpty(kept, duplicates, [
    'lastName',
    'email',
    'jobTitle',
    'companyId',
    'linkedinUrl',
    'source',
    'ownerId',
  ]);
  const primary = patch.email ?? kept.email;
  const lower = (email: string) => email.toLowerCase();
  const emails = unite(
    [kept, ...duplicates].map((record) => [...(record.email ? [record.email] : []), ...record.otherEmails]),
    lower,
  );
  patch.otherEmails = emails.filter((email) => !primary || lower(email) !== lower(primary));
  patch.phones = unite(
    [kept, ...duplicates].map((record) => record.phones),
    (phone) => phone.number,
  );
  patch.tagIds = unitedTags(kept, duplicates);
  patch.custom = unitedCustom(kept, duplicates);
  return changesOnly(kept, patch);
}

/**
 * What a company keeps of its duplicates: empty fields filled (the domain too: the duplicates are
 * deleted first, which frees theirs), tags united, custom fields filled.
 */
export function companyMergePatch(kept: Draft<Company>, duplicates: readonly Draft<Company>[]): CompanyPatch {
  const patch: CompanyPatch = fillEmpty(kept, duplicates, [
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
