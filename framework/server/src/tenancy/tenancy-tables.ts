import { sql } from 'drizzle-orm';
import { boolean, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The tenancy tables in schema `prefiq`, as `migrations/tenancy/0000_tenancy.sql` creates them
 * (the SQL is the source of truth, row-level security included; these definitions type the queries).
 */
const prefiq = pgSchema('prefiq');

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export type TenantStatus = 'active' | 'suspended';

export const tenants = prefiq.table('tenants', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  name: text('name').notNull(),
  slug: text('slug').notNull(),
  status: text('status').$type<TenantStatus>().notNull().default('active'),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

export const roles = prefiq.table(
  'roles',
  {
    tenantId: uuid('tenant_id').notNull(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    builtIn: boolean('built_in').notNull().default(false),
    permissions: text('permissions').array().notNull().default(sql`'{}'`),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'roles_pkey', columns: [t.tenantId, t.key] })],
);

export const memberships = prefiq.table(
  'memberships',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'memberships_pkey', columns: [t.tenantId, t.userId] })],
);
