import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Board, type CrmEngine, createBoard, crmEngine, tenantB } from '../crm-engine.test-helper.js';
import { refusal } from '../refusal.test-helper.js';
import { mergeCompanies } from './merge-companies.js';

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

function merge(kept: unknown, duplicateIds: unknown[]) {
  return crm.run((ctx) =>
    mergeCompanies(ctx, crm.outbox, String(kept), { duplicateIds: duplicateIds.map(String) }),
  );
}

describe('mergeCompanies', () => {
  it("moves people, deals and activities over, takes the duplicate's domain, soft-deletes it", async () => {
    const fixture = await crm.run(async (ctx) => {
      const r = ctx.resources;
      const kept = await r('company').create({ name: 'Initech', industry: 'software' });
      const dup = await r('company').create({
        name: 'Initech Inc.',
        domain: 'initech.example',
        industry: 'professional-services',
        phone: '+12025550123',
        tagIds: [board.tag.id],
      });
      const person = await r('person').create({ firstName: 'Bill', lastName: 'Lumbergh', companyId: dup.id });
      const deal = await r('deal').create({
        title: 'TPS reports',
        companyId: dup.id,
        pipelineId: board.pipeline.id,
        stageId: board.stages.qualified.id,
      });
      await r('activity').create({ type: 'call', subject: 'Yeah...', companyId: dup.id, dealId: deal.id });
      return { kept, dup, person, deal };
    });

    const result = await merge(fixture.kept.id, [fixture.dup.id]);
    expect(result).toMatchObject({
      company: {
        id: fixture.kept.id,
        name: 'Initech',
        domain: 'initech.example',
        industry: 'software',
        phone: '+12025550123',
        tagIds: [board.tag.id],
        version: 2,
      },
      mergedIds: [fixture.dup.id],
      moved: { people: 1, deals: 1, activities: 1 },
    });
    expect(crm.events.map((e) => [e.name, e.payload, e.problems])).toEqual([
      ['crm.company.merged', { companyId: fixture.kept.id, mergedIds: [fixture.dup.id] }, []],
    ]);
    const after = await crm.run(async (ctx) => ({
      person: await ctx.resources('person').get(String(fixture.person.id)),
      deal: await ctx.resources('deal').get(String(fixture.deal.id)),
      dup: await ctx.resources('company').get(String(fixture.dup.id), {}, { deleted: 'include' }),
    }));
    expect(after.person.companyId).toBe(fixture.kept.id);
    expect(after.deal.companyId).toBe(fixture.kept.id);
    expect(after.dup).toMatchObject({ domain: 'initech.example', deletedAt: expect.any(String) });
  });

  it('refuses merging into itself and unknown or foreign duplicates (422); an unknown kept company is 404', async () => {
    const self = await refusal(merge(board.company.id, [board.company.id]));
    expect(self).toMatchObject({ code: 'MERGE_INTO_SELF', status: 422 });
    expect(self.issues.map((i) => i.path)).toEqual(['/body/duplicateIds/0']);
    const foreign = await refusal(merge(board.company.id, [elsewhere.company.id]));
    expect(foreign.issues).toEqual([
      { path: '/body/duplicateIds/0', code: 'reference', message: 'refers to no company of this tenant' },
    ]);
    expect(await refusal(merge('5f0c1f43-1f9f-4c53-9a3c-1c8a2b0f0d11', [board.company.id]))).toMatchObject({
      status: 404,
    });
  });
});
