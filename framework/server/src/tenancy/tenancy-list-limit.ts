/**
 * What the tenancy lists answer at most (members, roles, memberships, a role's permissions): the
 * services cut their queries there, and the contract (`framework/contracts/tenancy`) declares it as
 * each list's `maxItems`; a test keeps the two equal.
 *
 * @example
 * db.select().from(roles).limit(tenancyListLimit);
 */
export const tenancyListLimit = 10_000;
