import { isDeepStrictEqual } from 'node:util';

/** The members of a person a merge reads for its emails. */
interface Emails {
  email?: string | null | undefined;
  otherEmails?: readonly string[] | undefined;
}

/**
 * The CRM's part of a person merge, beyond the schema's strategies: every email address of the
 * kept person and the duplicates kept, one primary (the kept one's, else the one the strategies
 * filled in, the first duplicate's) and the rest as other emails, each once ignoring case. The
 * patch the strategies made comes back with `otherEmails` set when they change.
 *
 * @example
 * mergedEmails({ email: 'a@x.io', otherEmails: [] }, [{ email: 'b@x.io', otherEmails: ['A@x.io'] }], {})
 * // { otherEmails: ['b@x.io'] }
 */
export function mergedEmails(
  kept: Emails,
  duplicates: readonly Emails[],
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const primary = typeof patch.email === 'string' ? patch.email : kept.email;
  const lower = (email: string) => email.toLowerCase();
  const seen = new Set<string>(primary ? [lower(primary)] : []);
  const others: string[] = [];
  for (const record of [kept, ...duplicates]) {
    for (const email of [...(record.email ? [record.email] : []), ...(record.otherEmails ?? [])]) {
      if (seen.has(lower(email))) continue;
      seen.add(lower(email));
      others.push(email);
    }
  }
  return isDeepStrictEqual(others, kept.otherEmails ?? []) ? patch : { ...patch, otherEmails: others };
}
