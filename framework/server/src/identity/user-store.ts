import { eq, sql } from 'drizzle-orm';
import type { Db } from '../data/database.js';
import { users } from './identity-tables.js';

export type UserRow = typeof users.$inferSelect;

/** Emails compare case-insensitively (the unique index is on `lower(email)`). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(tx: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await tx
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${normalizeEmail(email)}`)
    .limit(1);
  return row;
}

export async function findUserById(tx: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** The user as the API shows it: never the password hash. */
export interface PublicUser {
  id: string;
  email: string;
  name: string;
  status: UserRow['status'];
  emailVerified: boolean;
  mfaEnabled: boolean;
  createdAt: string;
}

export function publicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    status: row.status,
    emailVerified: row.emailVerifiedAt !== null,
    mfaEnabled: row.mfaEnabled,
    createdAt: row.createdAt.toISOString(),
  };
}
