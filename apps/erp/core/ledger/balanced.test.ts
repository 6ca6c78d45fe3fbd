import { describe, expect, it } from 'vitest';
import { voucherBalance } from './balanced.js';

describe('voucherBalance', () => {
  it('sums debits and credits and gives their difference', () => {
    expect(
      voucherBalance([
        { debit: 1_000, credit: 0 },
        { debit: 0, credit: 600 },
        { debit: 0, credit: 399 },
      ]),
    ).toEqual({ debit: 1_000, credit: 999, difference: 1 });
  });

  it('is zero for no rows and negative when credits exceed debits', () => {
    expect(voucherBalance([])).toEqual({ debit: 0, credit: 0, difference: 0 });
    expect(voucherBalance([{ debit: 0, credit: 5 }]).difference).toBe(-5);
  });

  it('refuses sums beyond the safe-integer range', () => {
    const big = { debit: Number.MAX_SAFE_INTEGER, credit: 0 };
    expect(() => voucherBalance([big, big])).toThrow(/exceed/);
  });
});
