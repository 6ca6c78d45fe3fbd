import { defineJob } from '@codexion/framework/jobs';
import { recoverSagas } from '@codexion/framework/sagas';
import { ecommerce } from '../ecommerce.js';
import { createTestPaymentProvider } from '../payments/test-payment-provider.js';
import { checkoutSagas } from './checkout-saga.js';
import { shopSettingsOf } from './shop-settings.js';

/** The node's test payment provider (its payments live in this process, as a remote provider's live there). */
export const paymentProvider = createTestPaymentProvider();

/** The checkout sagas over the test provider (ADR 0028). */
export const sagas = checkoutSagas(paymentProvider);

/**
 * `POST /carts/{id}/checkout`: runs the checkout saga the shop's reservation timing asks for, then
 * answers the placed order (201) as the engine reads it. A failed step's problem is the answer,
 * after its compensations ran.
 */
export const checkoutCart = ecommerce.defineSagaAction('checkoutCart', async (ctx, { params, body }) => {
  const { reservationTiming } = await ctx.transaction((tx) => shopSettingsOf(tx.tx, tx.tenantId));
  const saga = reservationTiming === 'payment' ? sagas.payFirst : sagas.reserveFirst;
  const { orderId } = await ctx.runSaga(saga, { cartId: params.id, card: body.payment.card });
  const order = await ctx.transaction((tx) => ecommerce.resource(tx, 'order').get(orderId));
  return { status: 201, body: order };
});

/** Every minute: checkouts whose node died half-way are compensated (ADR 0028). */
export const recoverCheckoutsJob = defineJob({
  name: 'ecommerce.recover-checkouts',
  schedule: { cron: '* * * * *' },
  policy: 'singleton',
  async handler({ database, services, logger }) {
    const recovery = await recoverSagas({ database, services, logger }, [sagas.reserveFirst, sagas.payFirst]);
    if (recovery.claimed > 0) logger.info(recovery, 'recovered checkouts');
  },
});
