/** A payment's state at the test provider. */
export type TestPaymentState = 'authorized' | 'captured' | 'voided' | 'refunded';

/** One payment as the test provider keeps it. */
export interface TestPayment {
  reference: string;
  amount: number;
  currency: string;
  state: TestPaymentState;
  refunded: number;
}

/** What can go wrong at the provider: each maps to one of the app's error codes. */
export type TestPaymentFailure =
  | 'declined'
  | 'timeout'
  | 'capture-failed'
  | 'unknown-payment'
  | 'over-refund';

/** A refusal or failure of the test provider. */
export class TestPaymentError extends Error {
  override readonly name = 'TestPaymentError';
  constructor(
    readonly failure: TestPaymentFailure,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The test card numbers and what they do (as the big providers' test modes do): any other number
 * of 12 to 19 digits pays like 4242424242424242.
 */
export const testCards = {
  pays: '4242424242424242',
  declined: '4000000000000002',
  captureFails: '4000000000009995',
  /** the authorization is made, then the answer never comes: the caller sees a timeout */
  timesOut: '4000000000000119',
} as const;

export interface AuthorizeRequest {
  /** the caller's idempotency reference (the checkout's saga run): a second call with it answers the first */
  reference: string;
  amount: number;
  currency: string;
  card: string;
}

/** The provider's operations, all idempotent by reference. */
export interface TestPaymentProvider {
  authorize(request: AuthorizeRequest): Promise<TestPayment>;
  capture(reference: string): Promise<TestPayment>;
  /** voids an authorization; a reference it never authorized, or one already voided, is fine (nothing to void) */
  void(reference: string): Promise<TestPayment | undefined>;
  /** refunds `amount` of a captured payment (the rest of it when absent) */
  refund(reference: string, amount?: number): Promise<TestPayment>;
  /** the payment of a reference, as the provider has it */
  payment(reference: string): TestPayment | undefined;
}

/**
 * The built-in test payment provider: an in-process stand-in for a card processor, with the
 * failure modes of {@link testCards}. Its state is outside the shop's database, as a real
 * provider's is, which is what the checkout saga's external steps and compensations are for.
 *
 * @example
 * const provider = createTestPaymentProvider();
 * await provider.authorize({ reference: runId, amount: 1990, currency: 'EUR', card: testCards.pays });
 * await provider.capture(runId);
 */
export function createTestPaymentProvider(): TestPaymentProvider {
  const payments = new Map<string, TestPayment>();
  const cards = new Map<string, string>();
  const copy = (payment: TestPayment): TestPayment => ({ ...payment });
  const existing = (reference: string): TestPayment => {
    const payment = payments.get(reference);
    if (payment === undefined) throw new TestPaymentError('unknown-payment', `no payment ${reference}`);
    return payment;
  };
  return {
    async authorize({ reference, amount, currency, card }) {
      const known = payments.get(reference);
      if (known !== undefined && known.state !== 'voided') return copy(known);
      if (card === testCards.declined) throw new TestPaymentError('declined', 'The card was declined');
      const payment: TestPayment = { reference, amount, currency, state: 'authorized', refunded: 0 };
      payments.set(reference, payment);
      cards.set(reference, card);
      if (card === testCards.timesOut)
        throw new TestPaymentError('timeout', 'The provider did not answer in time');
      return copy(payment);
    },
    async capture(reference) {
      const payment = existing(reference);
      if (payment.state === 'captured') return copy(payment);
      if (payment.state !== 'authorized' || cards.get(reference) === testCards.captureFails) {
        throw new TestPaymentError('capture-failed', `The payment ${reference} could not be captured`);
      }
      payment.state = 'captured';
      return copy(payment);
    },
    async void(reference) {
      const payment = payments.get(reference);
      if (payment === undefined) return undefined;
      if (payment.state === 'authorized') payment.state = 'voided';
      return copy(payment);
    },
    async refund(reference, amount) {
      const payment = existing(reference);
      if (payment.state === 'refunded') return copy(payment);
      if (payment.state !== 'captured')
        throw new TestPaymentError('unknown-payment', `${reference} is not captured`);
      const rest = payment.amount - payment.refunded;
      const taken = amount ?? rest;
      if (!Number.isSafeInteger(taken) || taken <= 0 || taken > rest) {
        throw new TestPaymentError(
          'over-refund',
          `A refund of ${taken} is more than the ${rest} left to refund`,
        );
      }
      payment.refunded += taken;
      if (payment.refunded === payment.amount) payment.state = 'refunded';
      return copy(payment);
    },
    payment: (reference) => {
      const payment = payments.get(reference);
      return payment === undefined ? undefined : copy(payment);
    },
  };
}
