import { describe, expect, it } from 'vitest';
import { subscriptionsOf, webhookEventCatalogue } from './webhook-event-types.js';

describe('webhook event types', () => {
  it('offer every declared event and a wildcard per app that declares any', () => {
    expect(
      webhookEventCatalogue([
        { app: 'crm', events: ['crm.deal.won', 'crm.deal.lost'] },
        { app: 'sales', events: ['sales.opportunity.won'] },
        { app: 'quiet', events: [] },
      ]),
    ).toEqual(['crm.*', 'crm.deal.lost', 'crm.deal.won', 'sales.*', 'sales.opportunity.won']);
  });

  it('match an event by its name or its app’s wildcard, never another app’s', () => {
    expect(subscriptionsOf('crm.deal.won')).toEqual(['crm.deal.won', 'crm.*']);
    expect(subscriptionsOf('crm.deal.won')).not.toContain('sales.*');
  });
});
