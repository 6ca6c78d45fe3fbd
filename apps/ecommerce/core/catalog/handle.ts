/** Letters NFKD does not take apart into a base letter, spelled as a shop's address spells them. */
const spelled: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  þ: 'th',
  '&': ' and ',
};

/**
 * The handle (the address in the shop: `/products/<handle>`) made from a title: lower case ASCII
 * letters and digits with single hyphens between words, German umlauts spelled out, accents
 * dropped, at most `maxLength` characters (cut at a word where one ends near it). Undefined when
 * nothing of the title is left (a title of emoji only).
 *
 * @example
 * toHandle('Größe & Passform: Hemd (Leinen)'); // 'groesse-and-passform-hemd-leinen'
 */
export function toHandle(title: string, maxLength = 120): string | undefined {
  const ascii = [...title.toLowerCase()]
    .map((char) => spelled[char] ?? char)
    .join('')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const words = ascii.split(/[^a-z0-9]+/).filter((word) => word !== '');
  let handle = '';
  for (const word of words) {
    const next = handle === '' ? word : `${handle}-${word}`;
    if (next.length > maxLength) {
      if (handle === '') handle = word.slice(0, maxLength);
      break;
    }
    handle = next;
  }
  return handle === '' ? undefined : handle;
}
