import { describe, expect, it } from 'vitest';
import { Container, createToken } from './container.js';
import { defineProvider, runProviders } from './service-provider.js';

const Greeting = createToken<string>('greeting');
const Shout = createToken<string>('shout');

describe('runProviders', () => {
  it('runs every register before any boot, in order', async () => {
    const calls: string[] = [];
    const container = new Container();
    const a = defineProvider({
      name: 'a',
      register: (c) => {
        calls.push('register a');
        c.singleton(Shout, (r) => r.resolve(Greeting).toUpperCase());
      },
      boot: (c) => {
        // a binding of a later provider is visible in boot
        calls.push(`boot a: ${c.resolve(Shout)}`);
      },
    });
    const b = defineProvider({
      name: 'b',
      register: (c) => {
        calls.push('register b');
        c.value(Greeting, 'hi');
      },
    });
    await runProviders(container, [a, b]);
    expect(calls).toEqual(['register a', 'register b', 'boot a: HI']);
  });

  it('names the provider and phase that failed', async () => {
    const broken = defineProvider({
      name: 'broken',
      register: () => {},
      boot: (c) => void c.resolve(Greeting),
    });
    await expect(runProviders(new Container(), [broken])).rejects.toThrow(
      'service provider "broken" failed to boot: no registration for "greeting"',
    );
    const bad = defineProvider({
      name: 'bad',
      register: async () => {
        throw new Error('nope');
      },
    });
    await expect(runProviders(new Container(), [bad])).rejects.toThrow(
      'service provider "bad" failed to register: nope',
    );
  });
});
