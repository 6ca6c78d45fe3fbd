import type { Logger } from 'pino';
import type { EventConsumer } from '../events/event-consumer.js';
import type { Container } from '../foundation/container.js';
import type { KernelConfig } from '../foundation/kernel-config.js';
import type { SecretBox } from '../identity/secret-box.js';
import type { JobDefinition } from '../jobs/job-definition.js';
import type { RegisteredPlugin } from '../plugins/plugin-registry.js';
import { deliverWebhookJob, deliverWebhookJobName } from '../webhooks/deliver-webhook.js';
import { sweepWebhooksJob } from '../webhooks/sweep-webhooks.js';
import { type EnqueueWebhook, webhookConsumer } from '../webhooks/webhook-consumer.js';
import { stuckAfterMinutes } from '../webhooks/webhook-deliveries.js';
import { webhookEventCatalogue } from '../webhooks/webhook-event-types.js';
import { webhookSecretBox } from '../webhooks/webhook-secret.js';
import { JobQueueToken } from './boot-jobs.js';

/** What the kernel wires for outbound webhooks: the API's rules, the job and the event consumer. */
export interface WebhookSetup {
  box: SecretBox;
  /** what endpoints may subscribe to */
  catalogue: string[];
  /** https only and no private hosts: any `env` but development and test (as the config schema) */
  production: boolean;
  /** the job queue's `send` for a delivery, once the queue runs on this node */
  enqueue: () => EnqueueWebhook | undefined;
  job: JobDefinition<object>;
  /** `prefiq.sweep-webhooks`: enqueues stuck deliveries again, prunes old ones */
  sweeper: JobDefinition;
  consumer(logger: Logger): EventConsumer;
}

/**
 * Outbound webhooks for a kernel's config, plugins and container (ADR 0026).
 *
 * @example
 * const webhooks = webhookSetup(config, plugins, container);
 * webhooksHttpPlugin({ database, ...webhooks });
 */
export function webhookSetup(
  config: KernelConfig,
  plugins: readonly RegisteredPlugin[],
  container: Container,
): WebhookSetup {
  const events = plugins.flatMap((p) => (p.model.manifest.events ?? []).map((e) => e.name));
  const box = webhookSecretBox(config.webhooks.encryptionKey ?? config.secrets.cursor);
  const enqueue = (): EnqueueWebhook | undefined => {
    if (!container.has(JobQueueToken)) return undefined;
    const queue = container.resolve(JobQueueToken);
    return async (delivery) => {
      await queue.send(deliverWebhookJobName, delivery);
    };
  };
  // a delivery the sweeper finds stuck is sent once however many nodes sweep (a key per delivery)
  const resend = (): EnqueueWebhook | undefined => {
    if (!container.has(JobQueueToken)) return undefined;
    const queue = container.resolve(JobQueueToken);
    return async (delivery) => {
      await queue.send(deliverWebhookJobName, delivery, {
        singletonKey: `sweep:${delivery.deliveryId}`,
        singletonSeconds: stuckAfterMinutes * 60,
      });
    };
  };
  return {
    box,
    catalogue: webhookEventCatalogue(
      plugins.map((p) => ({ app: p.name, events: (p.model.manifest.events ?? []).map((e) => e.name) })),
    ),
    production: config.env !== 'development' && config.env !== 'test',
    enqueue,
    job: deliverWebhookJob({
      box,
      maxAttempts: config.webhooks.maxAttempts,
      retryDelaySeconds: config.webhooks.retryDelaySeconds,
      timeoutMs: config.webhooks.timeoutMs,
    }),
    sweeper: sweepWebhooksJob({
      cron: config.jobs.schedules.sweepWebhooks,
      retentionDays: config.webhooks.retentionDays,
      enqueue: resend,
    }),
    consumer: (logger) => webhookConsumer({ events, enqueue, logger: logger.child({ module: 'webhooks' }) }),
  };
}
