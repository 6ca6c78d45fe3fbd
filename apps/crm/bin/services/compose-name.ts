/**
 * A person's full name as the `name-is-first-and-last` rule holds it: the first name, then the
 * last name when there is one, separated by one space.
 *
 * @example
 * composeName('Ada', 'Lovelace') // 'Ada Lovelace'
 * composeName('Ada', null)       // 'Ada'
 */
export function composeName(firstName: string, lastName: string | null | undefined): string {
  return lastName ? `${firstName} ${lastName}` : firstName;
}
