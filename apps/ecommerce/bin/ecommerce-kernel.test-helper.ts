import { fileURLToPath } from 'node:url';
import { executeRows } from '@codexion/framework/data';
import {
  type AppAnswer,
  type AppCallOptions,
  type AppKernelUnderTest,
  appKernelUnderTest,
} from '@codexion/framework/testing';
import type { SQL } from 'drizzle-orm';
import { expect } from 'vitest';
import plugin from './plugin.js';

export const ecommerceMigrations = {
  name: 'ecommerce',
  migrationsFolder: fileURLToPath(new URL('./migrations', import.meta.url)),
  schema: 'ecommerce',
};
export const tenantA = '0a0a0a0a-0000-4000-8000-0000000000c1';
export const tenantB = '0b0b0b0b-0000-4000-8000-0000000000c2';

/** One answer of the e-commerce API, checked against the operation's documented response. */
export type Answer = AppAnswer;

export type CallOptions = AppCallOptions;

/** The e-commerce plugin booted by the kernel on a test database with two tenants (A by default). */
export interface EcommerceKernel extends AppKernelUnderTest {
  /** runs `statement` in the tenant's transaction (RLS applies) and answers its rows */
  rows<T extends Record<string, unknown>>(statement: SQL, tenant?: string): Promise<T[]>;
}

/**
 * Boots the e-commerce app as `prefiq serve` does (the framework's `appKernelUnderTest`) on a fresh
 * test database: PGlite, or with `DATABASE_URL` a PostgreSQL database of its own that `dispose`
 * drops. Tenants A and B exist, empty. With `seed`, the plugin's seed fills the development tenant.
 *
 * @example
 * const shop = await ecommerceKernel();
 * const products = await shop.call('listProducts', 'GET', '/products');
 */
export async function ecommerceKernel({
  seed = false,
  env = {},
}: {
  seed?: boolean;
  env?: Record<string, string>;
} = {}): Promise<EcommerceKernel> {
  const booted = await appKernelUnderTest({
    app: 'ecommerce',
    plugin,
    migrationsFolder: ecommerceMigrations.migrationsFolder,
    tenants: [tenantA, tenantB],
    seed,
    env,
  });
  return Object.assign(booted, {
    rows<T extends Record<string, unknown>>(statement: SQL, tenant = tenantA): Promise<T[]> {
      return booted.database.database.transaction((tx) => executeRows<T>(tx, statement), {
        tenantId: tenant,
      });
    },
  });
}

/**
 * A refusal as `path code` lines, its status first, after checking it keeps the contract and
 * answers problem+json.
 *
 * @example
 * expect(refusal(await shop.call('createPromotion', 'POST', '/promotions', { body }))).toEqual(['422', '/body/endsAt interval']);
 */
export function refusal(answer: Answer): string[] {
  expect(answer.contract).toEqual([]);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const errors = (answer.body.errors ?? []) as { path: string; code: string }[];
  return [String(answer.status), ...errors.map((issue) => `${issue.path} ${issue.code}`)];
}
