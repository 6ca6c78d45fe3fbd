import { describe, expect, it } from 'vitest';
import {
  combinationKey,
  productOptionIssues,
  removedOptionValues,
  variantOptionIssues,
  variantTitle,
} from './variant-options.js';

const shirt = [
  { name: 'Size', values: ['S', 'M', 'L'] },
  { name: 'Colour', values: ['Red', 'Navy'] },
];

describe('productOptionIssues', () => {
  it('takes options with different names', () => {
    expect(productOptionIssues(shirt)).toEqual([]);
    expect(productOptionIssues([])).toEqual([]);
  });

  it('refuses an option named twice, case and spaces aside', () => {
    expect(productOptionIssues([...shirt, { name: ' size ', values: ['XL'] }])).toEqual([
      { path: '/options/2/name', code: 'duplicate-option', message: '" size " is already option 1' },
    ]);
  });
});

describe('variantOptionIssues', () => {
  it('takes one value of each option, in any order and case of the option name', () => {
    expect(
      variantOptionIssues(shirt, [
        { option: 'colour', value: 'Navy' },
        { option: 'Size', value: 'M' },
      ]),
    ).toEqual([]);
    expect(variantOptionIssues([], [])).toEqual([]);
  });

  it('names each wrong entry at its path', () => {
    expect(
      variantOptionIssues(shirt, [
        { option: 'Size', value: 'XL' },
        { option: 'Material', value: 'Linen' },
        { option: 'SIZE', value: 'S' },
      ]),
    ).toEqual([
      { path: '/optionValues/0/value', code: 'unknown-value', message: 'Size takes S, M, L' },
      {
        path: '/optionValues/1/option',
        code: 'unknown-option',
        message: "the product's options are Size, Colour",
      },
      { path: '/optionValues/2/option', code: 'duplicate-option', message: 'Size has a value already' },
      { path: '/optionValues', code: 'missing-option', message: 'needs a value of Colour' },
    ]);
  });

  it('refuses option values on a product without options, and a value is case-sensitive', () => {
    expect(variantOptionIssues([], [{ option: 'Size', value: 'M' }])).toEqual([
      { path: '/optionValues/0/option', code: 'unknown-option', message: 'the product has no options' },
    ]);
    expect(
      variantOptionIssues(shirt, [
        { option: 'Size', value: 'm' },
        { option: 'Colour', value: 'Red' },
      ]).map((issue) => issue.path),
    ).toEqual(['/optionValues/0/value']);
  });
});

describe('combinationKey and variantTitle', () => {
  const m = { option: 'Size', value: 'M' };
  const red = { option: 'Colour', value: 'Red' };

  it('are the same for a combination in any order', () => {
    expect(combinationKey([m, red])).toBe(combinationKey([{ option: 'colour', value: 'Red' }, m]));
    expect(combinationKey([m, red])).not.toBe(combinationKey([{ option: 'Size', value: 'L' }, red]));
  });

  it('titles a variant by its values in the product option order', () => {
    expect(variantTitle(shirt, [red, m])).toBe('M / Red');
    expect(variantTitle([], [])).toBe('Default');
  });
});

describe('removedOptionValues', () => {
  it('lists dropped values and every value of a removed or renamed option', () => {
    expect(
      removedOptionValues(shirt, [
        { name: 'size', values: ['M', 'L', 'XL'] },
        { name: 'Color', values: ['Red'] },
      ]),
    ).toEqual([
      { option: 'Size', value: 'S' },
      { option: 'Colour', value: 'Red' },
      { option: 'Colour', value: 'Navy' },
    ]);
  });

  it('lists nothing when values are only added', () => {
    expect(removedOptionValues(shirt, [...shirt, { name: 'Fit', values: ['Slim'] }])).toEqual([]);
  });
});
