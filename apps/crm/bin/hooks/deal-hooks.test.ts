import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiRecord } from '../crm-engine.test-helper.js';
import { type Board, type CrmEngine, createBoard, crmEngine, tenantB } from '../crm-engine.test-helper.js';
import { refusal } from '../refusal.test-helper.js';

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

function newDeal(fields: ApiRecord = {}): Promise<ApiRecord> {
  return crm.run((ctx) =>
    ctx.resources('deal').create({
      title: 'Acme: 50 seats',
      companyId: board.company.id,
      pipelineId: board.pipeline.id,
      stageId: board.stages.qualified.id,
      amount: 500_000,
      ...fields,
    }),
  );
}

describe('deal hooks on create', () => {
  it("give a new deal its stage's probability and the end of the column", async () => {
    const first = await newDeal({ stageId: board.stages.proposal.id });
    const second = await newDeal({ stageId: board.stages.proposal.id });
    expect(first).toMatchObject({ probability: 0.5, status: 'open', closedAt: null });
    expect(String(second.rank) > String(first.rank)).toBe(true);
  });

  it('keep a probability and a rank the client sends', async () => {
    expect(await newDeal({ probability: 0.33, rank: '55' })).toMatchObject({ probability: 0.33, rank: '55' });
  });

  it('refuse a stage of another pipeline, of another tenant, or of nobody', async () => {
    const outside = await refusal(newDeal({ stageId: board.other.stage.id }));
    expect(outside).toMatchObject({ code: 'RULE_FAILED', status: 422 });
    expect(outside.issues).toEqual([
      { path: '/stageId', code: 'stage-in-pipeline', message: 'The stage belongs to another pipeline' },
    ]);
    for (const stageId of [elsewhere.stages.qualified.id, '5f0c1f43-1f9f-4c53-9a3c-1c8a2b0f0d11']) {
      const unknown = await refusal(newDeal({ stageId }));
      expect(unknown).toMatchObject({ code: 'VALIDATION_FAILED', status: 422 });
      expect(unknown.issues).toEqual([
        { path: '/stageId', code: 'reference', message: 'refers to no stage of this tenant' },
      ]);
    }
  });

  it('refuse tag ids that are not tags of the tenant, naming each', async () => {
    const refused = await refusal(
      newDeal({ tagIds: [board.tag.id, elsewhere.tag.id, '5f0c1f43-1f9f-4c53-9a3c-1c8a2b0f0d11'] }),
    );
    expect(refused.issues).toEqual([
      { path: '/tagIds/1', code: 'reference', message: 'refers to no tag of this tenant' },
      { path: '/tagIds/2', code: 'reference', message: 'refers to no tag of this tenant' },
    ]);
    expect(await newDeal({ tagIds: [board.tag.id] })).toMatchObject({ tagIds: [board.tag.id] });
  });

  it('close a deal created won or lost: closedAt now, probability 1 or 0', async () => {
    const won = await newDeal({ status: 'won' });
    expect(won).toMatchObject({ status: 'won', probability: 1 });
    expect(Date.now() - Date.parse(String(won.closedAt))).toBeLessThan(60_000);
    expect(await newDeal({ status: 'lost', lostReason: 'Budget cut' })).toMatchObject({ probability: 0 });
    expect(crm.events).toEqual([]);
  });
});

describe('deal hooks on update', () => {
  it("move a deal by PATCH: the new stage's probability, the end of its column, stage-changed", async () => {
    const last = await newDeal({ stageId: board.stages.negotiation.id });
    const deal = await newDeal({ probability: 0.15 });
    const moved = await crm.run((ctx) =>
      ctx.resources('deal').update(String(deal.id), { stageId: last.stageId }),
    );
    expect(moved).toMatchObject({ probability: 0.8, version: 2 });
    expect(String(moved.rank) > String(last.rank)).toBe(true);
    expect(crm.events).toEqual([
      {
        name: 'crm.deal.stage-changed',
        payload: {
          dealId: deal.id,
          pipelineId: board.pipeline.id,
          fromStageId: board.stages.qualified.id,
          toStageId: board.stages.negotiation.id,
          probability: 0.8,
        },
        problems: [],
      },
    ]);
  });

  it('keep a probability set in the same write as the move', async () => {
    const deal = await newDeal();
    const moved = await crm.run((ctx) =>
      ctx.resources('deal').update(String(deal.id), { stageId: board.stages.proposal.id, probability: 0.9 }),
    );
    expect(moved.probability).toBe(0.9);
  });

  it("keep the rep's probability through edits that do not move the deal", async () => {
    const deal = await newDeal({ probability: 0.42 });
    const edited = await crm.run((ctx) =>
      ctx.resources('deal').update(String(deal.id), { title: 'Renamed' }),
    );
    expect(edited).toMatchObject({ title: 'Renamed', probability: 0.42, rank: deal.rank });
    expect(crm.events).toEqual([]);
  });

  it('refuse a pipeline change that leaves the stage behind, and a stage of another tenant', async () => {
    const deal = await newDeal();
    const refused = await refusal(
      crm.run((ctx) =>
        ctx.resources('deal').update(String(deal.id), { pipelineId: board.other.pipeline.id }),
      ),
    );
    expect(refused.issues).toEqual([
      { path: '/stageId', code: 'stage-in-pipeline', message: 'The stage belongs to another pipeline' },
    ]);
    const both = await crm.run((ctx) =>
      ctx
        .resources('deal')
        .update(String(deal.id), { pipelineId: board.other.pipeline.id, stageId: board.other.stage.id }),
    );
    expect(both).toMatchObject({ pipelineId: board.other.pipeline.id, probability: 0.3 });
    const foreign = await refusal(
      crm.run((ctx) => ctx.resources('deal').update(String(deal.id), { stageId: elsewhere.other.stage.id })),
    );
    expect(foreign.issues[0]).toMatchObject({ path: '/stageId', code: 'reference' });
  });
});

describe('deal hooks on transitions', () => {
  it('win: closedAt and probability 1, crm.deal.won with its declared payload', async () => {
    const deal = await newDeal({ primaryContactId: board.customer.id });
    const won = await crm.run((ctx) => ctx.resources('deal').transition(String(deal.id), 'won'));
    expect(won).toMatchObject({ status: 'won', probability: 1 });
    expect(typeof won.closedAt).toBe('string');
    expect(crm.events).toEqual([
      {
        name: 'crm.deal.won',
        payload: {
          dealId: deal.id,
          title: 'Acme: 50 seats',
          amount: 500_000,
          currency: 'EUR',
          companyId: board.company.id,
          primaryContactId: board.customer.id,
          pipelineId: board.pipeline.id,
          stageId: board.stages.qualified.id,
          ownerId: null,
          closedAt: won.closedAt,
        },
        problems: [],
      },
    ]);
  });

  it('lose: probability 0, crm.deal.lost; reopen: closedAt and reason cleared, stage probability back', async () => {
    const deal = await newDeal({ stageId: board.stages.proposal.id, probability: 0.7 });
    const lost = await crm.run(async (ctx) => {
      await ctx.resources('deal').update(String(deal.id), { lostReason: 'Went with a competitor' });
      return ctx.resources('deal').transition(String(deal.id), 'lost');
    });
    expect(lost).toMatchObject({ status: 'lost', probability: 0, lostReason: 'Went with a competitor' });
    expect(crm.events.map((e) => [e.name, e.problems])).toEqual([['crm.deal.lost', []]]);

    const reopened = await crm.run((ctx) => ctx.resources('deal').transition(String(deal.id), 'open'));
    expect(reopened).toMatchObject({ status: 'open', probability: 0.5, closedAt: null, lostReason: null });
  });

  it('reopen needs crm:deal:reopen', async () => {
    const deal = await newDeal();
    await crm.run((ctx) => ctx.resources('deal').transition(String(deal.id), 'won'));
    const refused = await refusal(
      crm.run((ctx) => ctx.resources('deal').transition(String(deal.id), 'open'), {
        permissions: ['crm:deal:update', 'crm:deal:win', 'crm:deal:lose'],
      }),
    );
    expect(refused).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(refused.message).toContain('crm:deal:reopen');
  });

  it('a closed deal keeps its stage; status never changes by PATCH', async () => {
    const deal = await newDeal();
    await crm.run((ctx) => ctx.resources('deal').transition(String(deal.id), 'won'));
    const moved = await refusal(
      crm.run((ctx) => ctx.resources('deal').update(String(deal.id), { stageId: board.stages.proposal.id })),
    );
    expect(moved.issues).toEqual([
      { path: '/stageId', code: 'closed-deal-keeps-stage', message: expect.any(String) },
    ]);
    const patched = await refusal(
      crm.run((ctx) => ctx.resources('deal').update(String(deal.id), { status: 'open' })),
    );
    expect(patched).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', status: 409 });
  });
});
