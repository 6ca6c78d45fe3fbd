import type { ValidationIssue } from '@codexion/schema';

/** A product's option as the schema holds it: its name and the values it takes. */
export interface ProductOptionInput {
  name: string;
  values: readonly string[];
}

/** A variant's value of one option. */
export interface OptionValueInput {
  option: string;
  value: string;
}

/** Option names compare without case and surrounding spaces: "Size" and "size " are one option. */
function key(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * What is wrong with a product's options: two options of the same name (case and spaces aside)
 * at `/options/<i>/name`. The schema already bounds the count (3) and keeps values unique.
 *
 * @example
 * productOptionIssues([{ name: 'Size', values: ['M'] }, { name: 'size', values: ['L'] }]);
 * // [{ path: '/options/1/name', code: 'duplicate-option', message: '"size" is already option 1' }]
 */
export function productOptionIssues(options: readonly ProductOptionInput[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Map<string, number>();
  options.forEach((option, index) => {
    const first = seen.get(key(option.name));
    if (first !== undefined) {
      issues.push({
        path: `/options/${index}/name`,
        code: 'duplicate-option',
        message: `"${option.name}" is already option ${first + 1}`,
      });
    } else {
      seen.set(key(option.name), index);
    }
  });
  return issues;
}

/**
 * What is wrong with a variant's option values against its product's options: each option of the
 * product takes exactly one value, that is one of the option's values. An option the product does
 * not have or named twice is refused at `/optionValues/<i>/option`, a value the option does not
 * take at `/optionValues/<i>/value`, a missing option at `/optionValues`.
 *
 * @example
 * variantOptionIssues([{ name: 'Size', values: ['S', 'M'] }], [{ option: 'Size', value: 'XL' }]);
 * // [{ path: '/optionValues/0/value', code: 'unknown-value', message: 'Size takes S, M' }]
 */
export function variantOptionIssues(
  options: readonly ProductOptionInput[],
  values: readonly OptionValueInput[],
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const byName = new Map(options.map((option) => [key(option.name), option]));
  const given = new Set<string>();
  values.forEach((entry, index) => {
    const option = byName.get(key(entry.option));
    if (option === undefined) {
      const names = options.map((o) => o.name).join(', ');
      issues.push({
        path: `/optionValues/${index}/option`,
        code: 'unknown-option',
        message: names === '' ? 'the product has no options' : `the product's options are ${names}`,
      });
      return;
    }
    if (given.has(key(entry.option))) {
      issues.push({
        path: `/optionValues/${index}/option`,
        code: 'duplicate-option',
        message: `${option.name} has a value already`,
      });
      return;
    }
    given.add(key(entry.option));
    if (!option.values.includes(entry.value)) {
      issues.push({
        path: `/optionValues/${index}/value`,
        code: 'unknown-value',
        message: `${option.name} takes ${option.values.join(', ')}`,
      });
    }
  });
  const missing = options.filter((option) => !given.has(key(option.name))).map((o) => o.name);
  if (missing.length > 0) {
    issues.push({
      path: '/optionValues',
      code: 'missing-option',
      message: `needs a value of ${missing.join(', ')}`,
    });
  }
  return issues;
}

/**
 * A variant's combination as one comparable string, in the product's option order, case of the
 * option names aside: two variants with the same key are the same thing to a shopper.
 *
 * @example
 * combinationKey([{ option: 'Colour', value: 'Red' }, { option: 'Size', value: 'M' }]); // 'colour=Red|size=M'
 */
export function combinationKey(values: readonly OptionValueInput[]): string {
  return values
    .map((entry) => `${key(entry.option)}=${entry.value}`)
    .sort()
    .join('|');
}

/**
 * A variant's title made from its option values in the product's option order ("M / Red"), or
 * "Default" for the one variant of a product without options.
 *
 * @example
 * variantTitle([{ name: 'Size', values: ['M'] }, { name: 'Colour', values: ['Red'] }], [{ option: 'Colour', value: 'Red' }, { option: 'Size', value: 'M' }]); // 'M / Red'
 */
export function variantTitle(
  options: readonly ProductOptionInput[],
  values: readonly OptionValueInput[],
): string {
  const rank = (entry: OptionValueInput) => {
    const index = options.findIndex((option) => key(option.name) === key(entry.option));
    return index === -1 ? options.length : index;
  };
  const ordered = [...values].sort((a, b) => rank(a) - rank(b));
  return ordered.length === 0 ? 'Default' : ordered.map((entry) => entry.value).join(' / ');
}

/**
 * The option values a change of a product's options takes away: every value of a removed or
 * renamed option and every value dropped from a kept one, as the variants hold them. A variant
 * holding one of them would no longer fit its product.
 *
 * @example
 * removedOptionValues([{ name: 'Size', values: ['S', 'M'] }], [{ name: 'Size', values: ['M'] }]);
 * // [{ option: 'Size', value: 'S' }]
 */
export function removedOptionValues(
  before: readonly ProductOptionInput[],
  after: readonly ProductOptionInput[],
): OptionValueInput[] {
  const kept = new Map(after.map((option) => [key(option.name), option]));
  return before.flatMap((option) => {
    const now = kept.get(key(option.name));
    return option.values
      .filter((value) => now === undefined || !now.values.includes(value))
      .map((value) => ({ option: option.name, value }));
  });
}
