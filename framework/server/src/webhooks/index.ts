// @codexion/framework/webhooks: outbound webhooks to tenant endpoints (docs/adr/0026)
export {
  attemptWebhook,
  type DeliverWebhookData,
  deliverWebhookJob,
  deliverWebhookJobName,
  type WebhookAttempt,
} from './deliver-webhook.js';
export {
  claimStuckWebhookDeliveries,
  defaultWebhookRetentionDays,
  pruneWebhookDeliveries,
  type SweepWebhooksOptions,
  sweepWebhooksJob,
  sweepWebhooksJobName,
} from './sweep-webhooks.js';
export { webhookConsumer, webhookConsumerName } from './webhook-consumer.js';
export { webhookBody } from './webhook-deliveries.js';
export { webhookEventCatalogue, webhookTestEvent } from './webhook-event-types.js';
export { type WebhooksHttpPluginOptions, webhooksHttpPlugin } from './webhook-routes.js';
export { newWebhookSecret } from './webhook-secret.js';
export { type WebhookUrlPolicy, webhookUrlIssue } from './webhook-url.js';
