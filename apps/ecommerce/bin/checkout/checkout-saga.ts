import type { Db } from '@codexion/framework/data';
import { DomainError } from '@codexion/framework/errors';
import { formatDocumentNumber, NumberingToken } from '@codexion/framework/numbering';
import { defineSaga, type SagaDefinition, type SagaStep, sagaSteps } from '@codexion/framework/sagas';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Address, OrderEvent, OrderLine } from '../../core/generated/client/types.gen.js';
import { carts, orders, payments, reservations, variants } from '../../core/generated/tables.js';
import { ecommerce } from '../ecommerce.js';
import { releaseReservations, reserveCart } from '../inventory/reserve-stock.js';
import { TestPaymentError, type TestPaymentProvider } from '../payments/test-payment-provider.js';
import { cartLinesOf } from './cart-lines.js';
import { shopSettingsOf } from './shop-settings.js';

/** What a checkout is asked: the cart and the card of the test provider. */
export interface CheckoutInput {
  cartId: string;
  card: string;
}

/** The cart as checkout priced it: the order to be, its lines a snapshot. */
export interface ValidatedCart {
  currency: string;
  customerId: string | null;
  email: string | null;
  shippingAddress: Address | null;
  lines: OrderLine[];
  subtotal: number;
  total: number;
}

/** Each step's result, by step name: what the later steps and the compensations read. */
export interface CheckoutResults {
  validate: ValidatedCart;
  reserve: { reservationIds: string[] };
  authorize: { reference: string; amount: number };
  createOrder: { orderId: string; number: string };
  capture: { captured: true };
  placed: { orderId: string };
}

/** What a checkout answers: the order it placed (read back through the engine by the action). */
export interface CheckoutOutput {
  orderId: string;
}

type Checkout = SagaDefinition<CheckoutInput, CheckoutResults, CheckoutOutput>;

const events = ecommerce.eventOutbox();
const { step, external } = sagaSteps<CheckoutInput, CheckoutResults>();

function timelineEntry(kind: OrderEvent['kind'], note?: string): OrderEvent {
  return { at: new Date().toISOString(), kind, ...(note === undefined ? {} : { note }) };
}

/** The provider's refusals as the app's problems; anything else stays an error (a 500). */
function paymentProblem(error: unknown): unknown {
  if (!(error instanceof TestPaymentError)) return error;
  switch (error.failure) {
    case 'declined':
      return ecommerce.error('PAYMENT_DECLINED', error.message, {
        issues: [{ path: '/body/payment/card', code: 'declined', message: 'was declined' }],
      });
    case 'timeout':
      return ecommerce.error('PAYMENT_TIMEOUT', `${error.message}; any authorization was voided`);
    case 'capture-failed':
    case 'unknown-payment':
    case 'over-refund':
      return ecommerce.error('PAYMENT_FAILED', error.message);
  }
}

/** Validates the cart and prices it: every line a known variant with a SKU, in a currency the shop sells in. */
async function validateCart(tx: Db, tenantId: string, cartId: string): Promise<ValidatedCart> {
  const [cart] = await tx
    .select()
    .from(carts)
    .where(and(eq(carts.tenantId, tenantId), eq(carts.id, cartId)))
    .for('update');
  if (cart === undefined) throw new DomainError('NOT_FOUND', `No cart ${cartId}`);
  if (cart.status !== 'open') throw ecommerce.error('CART_CHECKED_OUT', 'The cart was checked out already');
  const lines = cartLinesOf(cart.lines);
  if (lines.length === 0) {
    throw new DomainError('VALIDATION_FAILED', 'An empty cart cannot be checked out', {
      issues: [{ path: '/cart/lines', code: 'minItems', message: 'needs at least one line' }],
    });
  }
  const settings = await shopSettingsOf(tx, tenantId);
  if (!settings.currencies.includes(cart.currency)) {
    throw new DomainError('VALIDATION_FAILED', `The shop does not sell in ${cart.currency}`, {
      issues: [
        {
          path: '/cart/currency',
          code: 'currency',
          message: `must be one of ${settings.currencies.join(', ')}`,
        },
      ],
    });
  }
  const found = await tx
    .select({ id: variants.id, sku: variants.sku, title: variants.title })
    .from(variants)
    .where(
      and(eq(variants.tenantId, tenantId), inArray(variants.id, [...new Set(lines.map((l) => l.variantId))])),
    );
  const byId = new Map(found.map((v) => [v.id, v]));
  const issues = lines.flatMap((line, i) => {
    const variant = byId.get(line.variantId);
    if (variant === undefined)
      return [{ path: `/cart/lines/${i}/variantId`, code: 'unknown', message: 'is no variant of the shop' }];
    if (variant.sku === null)
      return [
        { path: `/cart/lines/${i}/variantId`, code: 'not-for-sale', message: 'has no SKU: not for sale' },
      ];
    return [];
  });
  if (issues.length > 0)
    throw new DomainError('VALIDATION_FAILED', 'The cart has lines that cannot be sold', { issues });
  const priced: OrderLine[] = lines.map((line) => {
    const variant = byId.get(line.variantId);
    return {
      variantId: line.variantId,
      sku: variant?.sku ?? null,
      title: variant?.title ?? null,
      quantity: line.quantity,
      unitAmount: line.unitAmount,
      total: line.quantity * line.unitAmount,
    };
  });
  const subtotal = priced.reduce((sum, line) => sum + line.total, 0);
  if (!Number.isSafeInteger(subtotal)) {
    throw new DomainError('VALIDATION_FAILED', 'The cart total is too large', {
      issues: [{ path: '/cart/lines', code: 'maximum', message: 'adds up to more than an amount can hold' }],
    });
  }
  return {
    currency: cart.currency,
    customerId: cart.customerId,
    email: cart.email,
    shippingAddress: cart.shippingAddress ?? null,
    lines: priced,
    subtotal,
    total: subtotal,
  };
}

function required<K extends keyof CheckoutResults>(
  results: Partial<CheckoutResults>,
  name: K,
): CheckoutResults[K] {
  const result = results[name];
  if (result === undefined) throw new Error(`checkout step ${name} has not run`);
  return result;
}

/**
 * The checkout's steps: validate → reserve → authorize → create the order → capture → placed (the
 * event). With `reserveAfterPayment` (reservation timing `payment`), stock is reserved once the
 * payment is authorized, so a cart that cannot pay holds nothing.
 */
function checkoutSteps(
  provider: TestPaymentProvider,
  reserveAfterPayment: boolean,
): SagaStep<CheckoutInput, CheckoutResults>[] {
  const validate = step('validate', {
    run: ({ tx, tenantId, input }) => validateCart(tx, tenantId, input.cartId),
  });
  const reserve = step('reserve', {
    async run({ tx, tenantId, input, results }) {
      const cart = required(results, 'validate');
      const wanted = cart.lines.map((line, i) => ({
        variantId: line.variantId,
        quantity: line.quantity,
        path: `/cart/lines/${i}/quantity`,
      }));
      return { reservationIds: await reserveCart(tx, tenantId, input.cartId, wanted, {}) };
    },
    async compensate({ tx, tenantId }, result) {
      await releaseReservations(tx, tenantId, result.reservationIds);
    },
  });
  const authorize = external('authorize', {
    async run({ runId, input, results }) {
      const cart = required(results, 'validate');
      try {
        const payment = await provider.authorize({
          reference: runId,
          amount: cart.total,
          currency: cart.currency,
          card: input.card,
        });
        return { reference: payment.reference, amount: payment.amount };
      } catch (error) {
        throw paymentProblem(error);
      }
    },
    // the authorization may exist even when its answer never came (a timeout): void by reference
    async compensate({ runId }) {
      await provider.void(runId);
    },
  });
  const createOrder = step('createOrder', {
    async run({ tx, tenantId, userId, services, input, results }) {
      const cart = required(results, 'validate');
      const { reservationIds } = required(results, 'reserve');
      const { reference, amount } = required(results, 'authorize');
      const seq = await services.get(NumberingToken).next('ORD');
      const number = formatDocumentNumber('{series}-{seq:5}', { series: 'ORD', scope: '', seq });
      const author = userId ?? null;
      const [order] = await tx
        .insert(orders)
        .values({
          tenantId,
          number,
          cartId: input.cartId,
          customerId: cart.customerId,
          email: cart.email,
          currency: cart.currency,
          status: 'pending',
          lines: cart.lines,
          subtotal: cart.subtotal,
          total: cart.total,
          shippingAddress: cart.shippingAddress,
          timeline: [timelineEntry('placed'), timelineEntry('payment-authorized')],
          createdBy: author,
          updatedBy: author,
        })
        .returning({ id: orders.id });
      if (order === undefined) throw new Error('the order was not inserted');
      await tx.insert(payments).values({
        tenantId,
        orderId: order.id,
        provider: 'test',
        reference,
        status: 'authorized',
        amount,
        currency: cart.currency,
        createdBy: author,
        updatedBy: author,
      });
      if (reservationIds.length > 0) {
        await tx
          .update(reservations)
          .set({ orderId: order.id, expiresAt: null, updatedAt: sql`now()` })
          .where(and(eq(reservations.tenantId, tenantId), inArray(reservations.id, reservationIds)));
      }
      await tx
        .update(carts)
        .set({ status: 'checked-out', version: sql`${carts.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(carts.tenantId, tenantId), eq(carts.id, input.cartId)));
      return { orderId: order.id, number };
    },
    async compensate({ tx, tenantId, input, results }, result) {
      const refunded = results.capture !== undefined;
      await tx
        .update(orders)
        .set({
          status: 'cancelled',
          timeline: sql`${orders.timeline} || ${JSON.stringify([timelineEntry('cancelled', 'checkout undone')])}::jsonb`,
          version: sql`${orders.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(orders.tenantId, tenantId), eq(orders.id, result.orderId)));
      await tx
        .update(payments)
        .set({
          status: refunded ? 'refunded' : 'voided',
          version: sql`${payments.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(payments.tenantId, tenantId), eq(payments.orderId, result.orderId)));
      await tx
        .update(reservations)
        .set({ orderId: null })
        .where(and(eq(reservations.tenantId, tenantId), eq(reservations.orderId, result.orderId)));
      await tx
        .update(carts)
        .set({ status: 'open', version: sql`${carts.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(carts.tenantId, tenantId), eq(carts.id, input.cartId)));
    },
  });
  const capture = external('capture', {
    async run({ runId }) {
      try {
        await provider.capture(runId);
        return { captured: true as const };
      } catch (error) {
        throw paymentProblem(error);
      }
    },
    async compensate({ runId }) {
      if (provider.payment(runId)?.state === 'captured') await provider.refund(runId);
    },
  });
  const placed = step('placed', {
    async run(ctx) {
      const { tx, tenantId, results } = ctx;
      const cart = required(results, 'validate');
      const { orderId, number } = required(results, 'createOrder');
      await tx
        .update(orders)
        .set({
          status: 'paid',
          timeline: sql`${orders.timeline} || ${JSON.stringify([timelineEntry('payment-captured'), timelineEntry('paid')])}::jsonb`,
          version: sql`${orders.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(orders.tenantId, tenantId), eq(orders.id, orderId)));
      await tx
        .update(payments)
        .set({ status: 'captured', version: sql`${payments.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(payments.tenantId, tenantId), eq(payments.orderId, orderId)));
      await events.emit(ctx, 'ecommerce.order.placed', {
        orderId,
        number,
        customerId: cart.customerId,
        currency: cart.currency,
        total: cart.total,
        lines: cart.lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity })),
      });
      return { orderId };
    },
  });
  return reserveAfterPayment
    ? [validate, authorize, reserve, createOrder, capture, placed]
    : [validate, reserve, authorize, createOrder, capture, placed];
}

/**
 * The checkout sagas over a payment provider: one reserving stock before the payment (reservation
 * timing `checkout`, and `add-to-cart`, whose cart holds are taken over), one after it (`payment`).
 *
 * @example
 * const sagas = checkoutSagas(createTestPaymentProvider());
 * await ctx.runSaga(sagas.reserveFirst, { cartId, card });
 */
export function checkoutSagas(provider: TestPaymentProvider): { reserveFirst: Checkout; payFirst: Checkout } {
  const output = (results: CheckoutResults): CheckoutOutput => ({ orderId: results.placed.orderId });
  return {
    reserveFirst: defineSaga({ name: 'ecommerce.checkout', steps: checkoutSteps(provider, false), output }),
    payFirst: defineSaga({
      name: 'ecommerce.checkout-pay-first',
      steps: checkoutSteps(provider, true),
      output,
    }),
  };
}
