import { describe, expect, it } from 'vitest';
import { findUnknownKeywords } from './find-unknown-keywords.js';

describe('findUnknownKeywords', () => {
  it('finds typos at any depth and leaves data keywords alone', () => {
    expect(
      findUnknownKeywords({
        type: 'object',
        requried: ['a'],
        properties: {
          a: { type: 'array', items: { type: 'string', maxLenght: 3 } },
          b: { anyOf: [{ type: 'string' }, { tpye: 'null' }], default: { notAKeyword: 1 }, enum: [{ x: 1 }] },
        },
        $defs: { C: { properties: { d: { formt: 'date' } } } },
      }),
    ).toEqual([
      { pointer: '/requried', keyword: 'requried' },
      { pointer: '/properties/a/items/maxLenght', keyword: 'maxLenght' },
      { pointer: '/properties/b/anyOf/1/tpye', keyword: 'tpye' },
      { pointer: '/$defs/C/properties/d/formt', keyword: 'formt' },
    ]);
  });

  it('escapes pointer tokens', () => {
    expect(findUnknownKeywords({ properties: { 'a/b': { 'x~y': 1 } } })).toEqual([
      { pointer: '/properties/a~1b/x~0y', keyword: 'x~y' },
    ]);
  });
});
