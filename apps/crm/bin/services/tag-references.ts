import { type PluginContext, validationFailed } from '@codexion/framework';
import type { ValidationIssue } from '@codexion/schema';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { companies, deals, people, tags } from '../../core/generated/tables.js';

type Scope = Pick<PluginContext, 'tx' | 'tenantId'>;

/**
 * Refuses `tagIds` entries that are not tags of the tenant (a uuid in a JSON array has no
 * foreign key). Hooks call it on the validated record: every entry is a uuid by then.
 *
 * @throws {DomainError} `VALIDATION_FAILED`, one issue per unknown id at `/tagIds/<index>`
 *
 * @example
 * await checkTagIds(ctx, record.tagIds); // 422 { path: '/tagIds/1', code: 'reference', … }
 */
export async function checkTagIds({ tx, tenantId }: Scope, tagIds: readonly string[]): Promise<void> {
  const wanted = [...new Set(tagIds.map((id) => id.toLowerCase()))];
  if (wanted.length === 0) return;
  const found = await tx
    .select({ id: tags.id })
    .from(tags)
    .where(and(eq(tags.tenantId, tenantId), inArray(tags.id, wanted)));
  const known = new Set(found.map((row) => row.id.toLowerCase()));
  const issues: ValidationIssue[] = tagIds.flatMap((id, index) =>
    known.has(id.toLowerCase())
      ? []
      : [{ path: `/tagIds/${index}`, code: 'reference', message: 'refers to no tag of this tenant' }],
  );
  if (issues.length > 0) throw validationFailed(issues, 'The request refers to a tag that does not exist');
}

/**
 * Takes a deleted tag's id out of every company, person and deal of the tenant (soft-deleted ones
 * too, so a restore brings back no dangling id), each changed record getting a new version so a
 * client holding the old ETag re-reads before it writes. Returns how many records changed.
 *
 * @example
 * await removeTagEverywhere(ctx, tag.id); // { companies: 3, people: 10, deals: 0 }
 */
export async function removeTagEverywhere(
  { tx, tenantId, userId }: Scope & Pick<PluginContext, 'userId'>,
  tagId: string,
): Promise<{ companies: number; people: number; deals: number }> {
  const counts = { companies: 0, people: 0, deals: 0 };
  for (const [key, table] of [
    ['companies', companies],
    ['people', people],
    ['deals', deals],
  ] as const) {
    const changed = await tx
      .update(table)
      .set({
        tagIds: sql`${table.tagIds} - ${tagId}::text`,
        version: sql`${table.version} + 1`,
        updatedAt: sql`date_trunc('milliseconds', now())`,
        updatedBy: userId ?? null,
      })
      .where(and(eq(table.tenantId, tenantId), sql`${table.tagIds} @> ${JSON.stringify([tagId])}::jsonb`))
      .returning({ id: table.id });
    counts[key] = changed.length;
  }
  return counts;
}
