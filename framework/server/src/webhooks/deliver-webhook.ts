import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { executeRows } from '../data/execute-rows.js';
import type { SecretBox } from '../identity/secret-box.js';
import type { JobDefinition } from '../jobs/job-definition.js';

/** The queue of webhook attempts. */
export const deliverWebhookJobName = 'prefiq.deliver-webhook';

/** A job's data: the delivery to attempt, and its tenant (the jobs API filters by it). */
export interface DeliverWebhookData {
  tenantId: string;
  deliveryId: string;
}

export interface DeliverWebhookOptions {
  box: SecretBox;
  /** attempts in all, the first included (`webhooks.maxAttempts`) */
  maxAttempts: number;
  /** the wait after the first failure, doubled (with jitter) after each further one */
  retryDelaySeconds: number;
  /** how long one attempt waits for an answer */
  timeoutMs: number;
}

/** What one attempt came to. */
export interface WebhookAttempt {
  /** the receiver's status; absent when no answer came (refused, timed out) */
  status?: number;
  latencyMs: number;
  /** why it failed; absent on a 2xx */
  error?: string;
}

/**
 * A failed fetch as the log shows it: its class, its message and what undici hides in `cause`
 * (`ECONNREFUSED`, `ENOTFOUND`, a certificate error, `bad port`).
 */
function failureText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  let detail = '';
  if (cause instanceof Error) {
    const code = 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
    detail = ` (${code ?? cause.message})`;
  }
  return `${error.name}: ${error.message}${detail}`;
}

/**
 * POSTs `body` to `url` once, signed by the Standard Webhooks scheme (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature: v1,<HMAC-SHA256>`), with a timeout and without
 * following redirects (a 3xx fails: a redirect could lead anywhere). 2xx is delivered.
 *
 * @example
 * const attempt = await attemptWebhook({ url, secret, id: deliveryId, body, timeoutMs: 10_000 });
 */
export async function attemptWebhook({
  url,
  secret,
  id,
  body,
  timeoutMs,
}: {
  url: string;
  secret: string;
  id: string;
  body: string;
  timeoutMs: number;
}): Promise<WebhookAttempt> {
  const now = new Date();
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Codexion-Webhooks/1',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': new Webhook(secret).sign(id, now, body),
      },
      body,
    });
    const text = await response.text().catch(() => '');
    const latencyMs = Math.round(performance.now() - started);
    if (response.status >= 200 && response.status < 300) return { status: response.status, latencyMs };
    return {
      status: response.status,
      latencyMs,
      error: `HTTP ${response.status}: ${text.slice(0, 200)}`.trim(),
    };
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    return { latencyMs, error: failureText(error).slice(0, 2000) };
  }
}

type Target = { status: string; body: string; url: string; secret_sealed: string; endpoint_id: string };

/**
 * The endpoint's secret, or a failed attempt saying why it cannot be read (the encryption key
 * changed): recorded like any failure, so the delivery log shows it.
 */
function unsealed(box: SecretBox, target: Target): string | WebhookAttempt {
  try {
    return box.open(target.secret_sealed, target.endpoint_id);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      latencyMs: 0,
      error: `the signing secret cannot be unsealed (webhooks.encryptionKey changed?): ${reason}`,
    };
  }
}

/**
 * The job that attempts a webhook delivery (data: {@link DeliverWebhookData}). Each run records
 * its attempt on the delivery (attempts, status, latency, error); a failure throws, so pg-boss
 * retries it after `retryDelaySeconds`, doubled each time with jitter, until `maxAttempts`; the
 * last failure marks the delivery `failed` (then only a redelivery sends it again). A delivery
 * that is no longer pending (delivered, failed, deleted with its endpoint) is left alone.
 *
 * @example
 * await queue.register([deliverWebhookJob({ box, maxAttempts: 8, retryDelaySeconds: 30, timeoutMs: 10_000 })]);
 */
export function deliverWebhookJob({
  box,
  maxAttempts,
  retryDelaySeconds,
  timeoutMs,
}: DeliverWebhookOptions): JobDefinition<DeliverWebhookData> {
  return {
    name: deliverWebhookJobName,
    retryLimit: maxAttempts - 1,
    retryDelaySeconds,
    retryBackoff: true,
    // attempts wait on receivers, not on this node: many at once, or a poll would carry one
    concurrency: 20,
    // an attempt is bounded by its timeout; the margin covers the two statements around it
    expireInSeconds: Math.ceil(timeoutMs / 1000) + 60,
    async handler({ data, database, retryCount, logger }) {
      const { tenantId, deliveryId } = data;
      const [target] = await database.transaction(
        (tx) =>
          executeRows<Target>(
            tx,
            sql`select d.status, d.body, d.endpoint_id, e.url, e.secret_sealed
                  from prefiq.webhook_deliveries d join prefiq.webhook_endpoints e on e.id = d.endpoint_id
                 where d.id = ${deliveryId} and d.tenant_id = ${tenantId}`,
          ),
        { tenantId },
      );
      if (target?.status !== 'pending') return;
      const secret = unsealed(box, target);
      const attempt =
        typeof secret === 'string'
          ? await attemptWebhook({ url: target.url, secret, id: deliveryId, body: target.body, timeoutMs })
          : secret;
      const last = retryCount + 1 >= maxAttempts;
      const status = attempt.error === undefined ? 'delivered' : last ? 'failed' : 'pending';
      // pg-boss waits between delay·2^n and delay·2^(n+1) seconds: the earliest is shown
      const nextInSeconds = status === 'pending' ? retryDelaySeconds * 2 ** retryCount : null;
      await database.transaction(
        (tx) =>
          tx.execute(
            sql`update prefiq.webhook_deliveries
                   set status = ${status}, attempts = attempts + 1, last_response_status = ${attempt.status ?? null},
                       last_latency_ms = ${attempt.latencyMs}, last_error = ${attempt.error ?? null},
                       next_attempt_at = ${nextInSeconds === null ? null : sql`now() + make_interval(secs => ${nextInSeconds})`},
                       updated_at = now()
                 where id = ${deliveryId} and tenant_id = ${tenantId}`,
          ),
        { tenantId },
      );
      const fields = { delivery_id: deliveryId, endpoint_id: target.endpoint_id, status: attempt.status };
      if (status === 'delivered') {
        logger.debug({ ...fields, latency_ms: attempt.latencyMs }, 'webhook delivered');
        return;
      }
      if (status === 'failed') {
        logger.warn({ ...fields, attempts: retryCount + 1, err: attempt.error }, 'webhook delivery failed');
        return;
      }
      throw new Error(`webhook attempt ${retryCount + 1} of ${maxAttempts} failed: ${attempt.error}`);
    },
  };
}
