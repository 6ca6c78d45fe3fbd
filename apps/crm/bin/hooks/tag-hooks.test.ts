import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Board, type CrmEngine, createBoard, crmEngine, tenantB } from '../crm-engine.test-helper.js';

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

describe('tag hooks', () => {
  it("take a deleted tag's id out of every record of the tenant, with a new version each", async () => {
    const { keep, person, deal } = await crm.run(async (ctx) => {
      const keep = await ctx.resources('tag').create({ name: 'Partner', color: 'blue' });
      const tagIds = [board.tag.id, keep.id];
      await ctx.resources('company').update(String(board.company.id), { tagIds });
      const person = await ctx.resources('person').create({ firstName: 'Lin', tagIds });
      const deal = await ctx.resources('deal').create({
        title: 'Tagged',
        companyId: board.company.id,
        pipelineId: board.pipeline.id,
        stageId: board.stages.qualified.id,
        tagIds: [board.tag.id],
      });
      await ctx.resources('person').delete(String(person.id));
      return { keep, person, deal };
    });
    await crm.run((ctx) => ctx.resources('tag').delete(String(board.tag.id)));

    const after = await crm.run(async (ctx) => ({
      company: await ctx.resources('company').get(String(board.company.id)),
      person: await ctx.resources('person').get(String(person.id), {}, { deleted: 'include' }),
      deal: await ctx.resources('deal').get(String(deal.id)),
    }));
    expect(after.company.tagIds).toEqual([keep.id]);
    expect(after.person.tagIds).toEqual([keep.id]);
    expect(after.deal).toMatchObject({ tagIds: [], version: Number(deal.version) + 1 });
  });

  it("leave other tenants' records alone", async () => {
    await crm.run(
      (ctx) => ctx.resources('company').update(String(elsewhere.company.id), { tagIds: [elsewhere.tag.id] }),
      { tenantId: tenantB },
    );
    await crm.run((ctx) => ctx.resources('tag').delete(String(elsewhere.tag.id)), { tenantId: tenantB });
    const company = await crm.run((ctx) => ctx.resources('company').get(String(elsewhere.company.id)), {
      tenantId: tenantB,
    });
    expect(company.tagIds).toEqual([]);
  });
});
