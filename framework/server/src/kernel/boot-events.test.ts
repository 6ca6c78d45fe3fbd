import type { AppManifest } from '@codexion/schema';
import { describe, expect, it } from 'vitest';
import { KernelError } from '../foundation/kernel-error.js';
import type { EventHandler } from '../plugins/define-plugin.js';
import type { RegisteredPlugin } from '../plugins/plugin-registry.js';
import { checkSubscribers } from './boot-events.js';

const handler: EventHandler<never> = () => undefined;

/** What `checkSubscribers` reads of a registered plugin: its name, manifest and subscribers. */
function plugin(
  manifest: Partial<AppManifest>,
  subscribers: Record<string, EventHandler<never>>,
): RegisteredPlugin {
  const name = manifest.name ?? 'sales';
  return {
    name,
    model: { manifest: { name, version: '0.1.0', title: name, framework: '^0.1.0', ...manifest } },
    definition: { subscribers },
  } as unknown as RegisteredPlugin;
}

describe('checkSubscribers', () => {
  it('accepts subscribers to the app’s own events and to the ones it consumes', () => {
    expect(() =>
      checkSubscribers([
        plugin(
          {
            events: [{ name: 'sales.opportunity.won' }],
            consumes: [{ event: 'crm.deal.won', app: 'crm' }],
          },
          { 'sales.opportunity.won': handler, 'crm.deal.won': handler },
        ),
      ]),
    ).not.toThrow();
  });

  it('refuses a subscriber to an undeclared event and a consumed event without one, naming both', () => {
    let error: unknown;
    try {
      checkSubscribers([
        plugin({ consumes: [{ event: 'crm.deal.lost', app: 'crm' }] }, { 'crm.deal.wonn': handler }),
      ]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KernelError);
    expect((error as KernelError).code).toBe('PLUGIN_HANDLERS');
    expect((error as Error).message).toContain('sales subscribes to crm.deal.wonn');
    expect((error as Error).message).toContain('sales consumes crm.deal.lost');
  });
});
