/**
 * The GS1 check digit of a barcode's digits before it (the mod-10 check of UPC-A, EAN-13 and
 * EAN-8): from the right, the digits are weighted 3, 1, 3, 1, …; the check digit brings their sum
 * up to a multiple of 10.
 *
 * @example
 * gtinCheckDigit('400638133393'); // 1 → EAN-13 4006381333931
 */
export function gtinCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Why a variant's barcode is refused, or undefined when it is a UPC-A (12 digits) or an EAN-13
 * (13 digits) whose last digit is its check digit.
 *
 * @example
 * barcodeProblem('4006381333931'); // undefined
 * barcodeProblem('4006381333932'); // 'check digit should be 1, not 2: the code is mistyped'
 */
export function barcodeProblem(code: string): string | undefined {
  if (!/^([0-9]{12}|[0-9]{13})$/.test(code)) return 'must be a UPC-A (12 digits) or an EAN-13 (13 digits)';
  const expected = gtinCheckDigit(code.slice(0, -1));
  const given = Number(code.slice(-1));
  return expected === given
    ? undefined
    : `check digit should be ${expected}, not ${given}: the code is mistyped`;
}
