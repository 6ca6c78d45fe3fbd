import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barcodeProblem, gtinCheckDigit } from './barcode.js';

describe('gtinCheckDigit', () => {
  it('computes the check digit of published EAN-13 and UPC-A codes', () => {
    expect(gtinCheckDigit('400638133393')).toBe(1); // EAN-13 4006381333931
    expect(gtinCheckDigit('978014300723')).toBe(4); // ISBN-13 9780143007234
    expect(gtinCheckDigit('03600029145')).toBe(2); // UPC-A 036000291452
    expect(gtinCheckDigit('04210000526')).toBe(4); // UPC-A 042100005264
    expect(gtinCheckDigit('590123412345')).toBe(7); // EAN-13 5901234123457
  });

  it('reads a UPC-A like the EAN-13 it is with a leading zero', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{11}$/), (digits) => {
        expect(gtinCheckDigit(`0${digits}`)).toBe(gtinCheckDigit(digits));
      }),
    );
  });
});

describe('barcodeProblem', () => {
  it('takes valid UPC-A and EAN-13 codes', () => {
    expect(barcodeProblem('4006381333931')).toBeUndefined();
    expect(barcodeProblem('036000291452')).toBeUndefined();
  });

  it('refuses a wrong check digit, naming the right one', () => {
    expect(barcodeProblem('4006381333932')).toBe('check digit should be 1, not 2: the code is mistyped');
    expect(barcodeProblem('036000291453')).toBe('check digit should be 2, not 3: the code is mistyped');
  });

  it('refuses other lengths and non-digits', () => {
    for (const code of ['', '12345670', '40063813339311', '40063813339A1', ' 036000291452']) {
      expect(barcodeProblem(code)).toBe('must be a UPC-A (12 digits) or an EAN-13 (13 digits)');
    }
  });

  it('catches every single mistyped digit', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{12}$/),
        fc.nat(12),
        fc.integer({ min: 1, max: 9 }),
        (body, position, shift) => {
          const code = `${body}${gtinCheckDigit(body)}`;
          const changed = (Number(code[position]) + shift) % 10;
          const typo = `${code.slice(0, position)}${changed}${code.slice(position + 1)}`;
          expect(barcodeProblem(code)).toBeUndefined();
          expect(barcodeProblem(typo)).toMatch(/^check digit should be/);
        },
      ),
    );
  });
});
