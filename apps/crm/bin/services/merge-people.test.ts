import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiRecord } from '../crm-engine.test-helper.js';
import { type Board, type CrmEngine, createBoard, crmEngine, tenantB } from '../crm-engine.test-helper.js';
import { refusal } from '../refusal.test-helper.js';
import { mergePeople } from './merge-people.js';

let crm: CrmEngine;
let board: Board;
let elsewhere: Board;

beforeAll(async () => {
  crm = await crmEngine();
  board = await createBoard(crm);
  elsewhere = await createBoard(crm, { tenantId: tenantB });
}, 60_000);

afterAll(async () => {
  await crm?.dispose();
});

beforeEach(() => {
  crm.events.length = 0;
});

function merge(kept: unknown, duplicateIds: unknown[], tenantId?: string) {
  return crm.run(
    (ctx) => mergePeople(ctx, crm.outbox, String(kept), { duplicateIds: duplicateIds.map(String) }),
    tenantId === undefined ? {} : { tenantId },
  );
}

describe('mergePeople', () => {
  it('moves deals and activities to the kept person, keeps every email, phone and tag, soft-deletes the rest', async () => {
    const fixture = await crm.run(async (ctx) => {
      const r = ctx.resources;
      const vip = await r('tag').create({ name: 'Champion', color: 'green' });
      const kept = await r('person').create({
        firstName: 'Grace',
        email: 'grace@navy.example',
        phones: [{ number: '+12025550100', label: 'work' }],
        tagIds: [board.tag.id],
      });
      const twin = await r('person').create({
        firstName: 'Grace',
        lastName: 'Hopper',
        email: 'ghopper@yale.example',
        otherEmails: ['grace@navy.example'.replace('grace', 'amazing.grace')],
        phones: [
          { number: '+12025550100', label: 'mobile' },
          { number: '+12025550199', label: 'mobile' },
        ],
        jobTitle: 'Rear Admiral',
        companyId: board.company.id,
        tagIds: [vip.id, board.tag.id],
      });
      const third = await r('person').create({ firstName: 'G.', lastName: 'Hopper' });
      const deal = (stage: ApiRecord, contact: ApiRecord) =>
        r('deal').create({
          title: 'COBOL training',
          primaryContactId: contact.id,
          pipelineId: board.pipeline.id,
          stageId: stage.id,
          amount: 10_000,
        });
      const open = await deal(board.stages.proposal, twin);
      const won = await deal(board.stages.negotiation, twin);
      await r('deal').transition(String(won.id), 'won');
      const activity = (person: ApiRecord, subject: string) =>
        r('activity').create({ type: 'note', subject, personId: person.id });
      await activity(twin, 'Met at the conference');
      await activity(third, 'Called back');
      const gone = await activity(third, 'Old note');
      await r('activity').delete(String(gone.id));
      return { vip, kept, twin, third, open, won, gone };
    });

    const result = await merge(fixture.kept.id, [fixture.twin.id, fixture.third.id]);
    expect(result.mergedIds).toEqual([fixture.twin.id, fixture.third.id]);
    expect(result.moved).toEqual({ deals: 2, activities: 2 });
    expect(result.person).toMatchObject({
      id: fixture.kept.id,
      name: 'Grace Hopper',
      lastName: 'Hopper',
      email: 'grace@navy.example',
      otherEmails: ['ghopper@yale.example', 'amazing.grace@navy.example'],
      phones: [
        { number: '+12025550100', label: 'work' },
        { number: '+12025550199', label: 'mobile' },
      ],
      jobTitle: 'Rear Admiral',
      companyId: board.company.id,
      tagIds: [board.tag.id, fixture.vip.id],
    });
    expect(crm.events.at(-1)).toEqual({
      name: 'crm.person.merged',
      payload: { personId: fixture.kept.id, mergedIds: result.mergedIds },
      problems: [],
    });

    const after = await crm.run(async (ctx) => ({
      deals: await ctx.resources('deal').list({ filter: { primaryContactId: { eq: fixture.kept.id } } }),
      activities: await ctx.resources('activity').list({ filter: { personId: { eq: fixture.kept.id } } }),
      twin: await ctx.resources('person').get(String(fixture.twin.id), {}, { deleted: 'include' }),
      gone: await ctx.resources('activity').get(String(fixture.gone.id), {}, { deleted: 'include' }),
    }));
    expect(after.deals.items.map((d) => d.id).sort()).toEqual([fixture.open.id, fixture.won.id].sort());
    expect(after.activities.items).toHaveLength(2);
    expect(after.twin.deletedAt).toEqual(expect.any(String));
    // a deleted activity keeps pointing at its (now deleted) person: restoring both restores the pair
    expect(after.gone.personId).toBe(fixture.third.id);
    const restored = await crm.run((ctx) => ctx.resources('person').restore(String(fixture.third.id)));
    expect(restored.deletedAt ?? null).toBeNull();
  });

  it('refuses merging a person into itself, unknown and foreign ids, each at its place (422)', async () => {
    const kept = await crm.run((ctx) => ctx.resources('person').create({ firstName: 'Kept' }));
    const deleted = await crm.run(async (ctx) => {
      const p = await ctx.resources('person').create({ firstName: 'Deleted' });
      await ctx.resources('person').delete(String(p.id));
      return p;
    });
    const self = await refusal(merge(kept.id, [board.lead.id, kept.id]));
    expect(self).toMatchObject({ code: 'MERGE_INTO_SELF', status: 422 });
    expect(self.issues).toEqual([
      {
        path: '/body/duplicateIds/1',
        code: 'self',
        message: 'is the person kept; it cannot be its own duplicate',
      },
    ]);
    const unknown = await refusal(
      merge(kept.id, [deleted.id, elsewhere.lead.id, '5f0c1f43-1f9f-4c53-9a3c-1c8a2b0f0d11', board.lead.id]),
    );
    expect(unknown).toMatchObject({ code: 'VALIDATION_FAILED', status: 422 });
    expect(unknown.issues.map((i) => [i.path, i.code])).toEqual([
      ['/body/duplicateIds/0', 'reference'],
      ['/body/duplicateIds/1', 'reference'],
      ['/body/duplicateIds/2', 'reference'],
    ]);
    expect(await refusal(merge(elsewhere.lead.id, [board.lead.id]))).toMatchObject({ status: 404 });
    // nothing happened to the valid duplicate of the refused merges
    const lead = await crm.run((ctx) => ctx.resources('person').get(String(board.lead.id)));
    expect(lead.version).toBe(board.lead.version);
    expect(crm.events).toEqual([]);
  });
});
