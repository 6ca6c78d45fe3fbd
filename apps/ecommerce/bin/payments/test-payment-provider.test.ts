import { describe, expect, it } from 'vitest';
import { createTestPaymentProvider, testCards } from './test-payment-provider.js';

const request = (reference: string, card: string = testCards.pays) => ({
  reference,
  amount: 1990,
  currency: 'EUR',
  card,
});

describe('createTestPaymentProvider', () => {
  it('authorizes, captures and refunds in parts, idempotently by reference', async () => {
    const provider = createTestPaymentProvider();
    expect(await provider.authorize(request('r1'))).toMatchObject({ state: 'authorized', amount: 1990 });
    expect(await provider.authorize(request('r1'))).toMatchObject({ state: 'authorized' });
    expect(await provider.capture('r1')).toMatchObject({ state: 'captured' });
    expect(await provider.capture('r1')).toMatchObject({ state: 'captured' });
    expect(await provider.refund('r1', 990)).toMatchObject({ state: 'captured', refunded: 990 });
    await expect(provider.refund('r1', 1001)).rejects.toMatchObject({ failure: 'over-refund' });
    expect(await provider.refund('r1')).toMatchObject({ state: 'refunded', refunded: 1990 });
  });

  it('declines, times out after authorizing, and fails captures by test card', async () => {
    const provider = createTestPaymentProvider();
    await expect(provider.authorize(request('d', testCards.declined))).rejects.toMatchObject({
      failure: 'declined',
    });
    expect(provider.payment('d')).toBeUndefined();
    await expect(provider.authorize(request('t', testCards.timesOut))).rejects.toMatchObject({
      failure: 'timeout',
    });
    expect(provider.payment('t')?.state).toBe('authorized');
    await provider.authorize(request('c', testCards.captureFails));
    await expect(provider.capture('c')).rejects.toMatchObject({ failure: 'capture-failed' });
  });

  it('voids an authorization, and takes a void of what it never authorized as done', async () => {
    const provider = createTestPaymentProvider();
    await provider.authorize(request('v'));
    expect(await provider.void('v')).toMatchObject({ state: 'voided' });
    expect(await provider.void('v')).toMatchObject({ state: 'voided' });
    expect(await provider.void('never')).toBeUndefined();
    await expect(provider.capture('v')).rejects.toMatchObject({ failure: 'capture-failed' });
  });
});
