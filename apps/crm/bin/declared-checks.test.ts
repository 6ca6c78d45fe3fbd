import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Board, type CrmEngine, createBoard, crmEngine, tenantB } from './crm-engine.test-helper.js';
import { refusal } from './refusal.test-helper.js';

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

/** What the CRM declares in `core/` and the engine enforces with no CRM code: unique keys, tag ids in arrays. */
describe('company', () => {
  it('keeps domains unique per tenant', async () => {
    const taken = await refusal(
      crm.run((ctx) => ctx.resources('company').create({ name: 'Acme again', domain: 'acme.example' })),
    );
    expect(taken).toMatchObject({ code: 'UNIQUE_VIOLATION', status: 409 });
    expect(taken.issues).toEqual([
      { path: '/domain', code: 'unique', message: 'is already used by another Company' },
    ]);
  });

  it('checks tag ids on update', async () => {
    const refused = await refusal(
      crm.run((ctx) =>
        ctx.resources('company').update(String(board.company.id), {
          tagIds: [board.tag.id, '5f0c1f43-1f9f-4c53-9a3c-1c8a2b0f0d11'],
        }),
      ),
    );
    expect(refused.issues.map((i) => i.path)).toEqual(['/tagIds/1']);
  });
});

describe('a deleted tag', () => {
  it('is taken out of every record of the tenant, with a new version each', async () => {
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

  it("leaves other tenants' records alone", async () => {
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
