/** An installed app and the events it declares (`core/app.json` `events`). */
export interface DeclaredEvents {
  app: string;
  events: readonly string[];
}

/** The name of a test event; it reaches an endpoint only through "send test event". */
export const webhookTestEvent = 'prefiq.webhook.test';

/**
 * What an endpoint may subscribe to: every declared event and each app's wildcard (`crm.*`),
 * sorted.
 *
 * @example
 * webhookEventCatalogue([{ app: 'crm', events: ['crm.deal.won'] }]); // ['crm.*', 'crm.deal.won']
 */
export function webhookEventCatalogue(declared: readonly DeclaredEvents[]): string[] {
  const names = new Set<string>();
  for (const { app, events } of declared) {
    if (events.length === 0) continue;
    names.add(`${app}.*`);
    for (const event of events) names.add(event);
  }
  return [...names].sort();
}

/**
 * The subscriptions that match `event`: its own name and its app's wildcard. An endpoint gets the
 * event when its event types hold either (`event_types && these` in SQL).
 *
 * @example
 * subscriptionsOf('crm.deal.won'); // ['crm.deal.won', 'crm.*']
 */
export function subscriptionsOf(event: string): string[] {
  return [event, `${event.split('.')[0]}.*`];
}
