import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiRecord } from '../crm-engine.test-helper.js';
import { type Board, type CrmEngine, createBoard, crmEngine, tenantB } from '../crm-engine.test-helper.js';
import { refusal } from '../refusal.test-helper.js';
import { moveDeal } from './move-deal.js';

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

function newDeal(title: string, stage: ApiRecord, fields: ApiRecord = {}): Promise<ApiRecord> {
  return crm.run((ctx) =>
    ctx.resources('deal').create({
      title,
      companyId: board.company.id,
      pipelineId: stage.pipelineId,
      stageId: stage.id,
      amount: 100_000,
      ...fields,
    }),
  );
}

function move(deal: ApiRecord, stage: ApiRecord, position?: number): Promise<ApiRecord> {
  return crm.run((ctx) =>
    moveDeal(ctx, String(deal.id), {
      stageId: String(stage.id),
      ...(position === undefined ? {} : { position }),
    }),
  );
}

/** The titles of a stage's open deals in board order. */
async function column(stage: ApiRecord): Promise<string[]> {
  const page = await crm.run((ctx) =>
    ctx.resources('deal').list({
      filter: { stageId: { eq: stage.id }, status: { eq: 'open' } },
      sort: 'rank,id',
      pageSize: 200,
    }),
  );
  return page.items.map((deal) => String(deal.title));
}

describe('moveDeal', () => {
  it("drops a deal into a stage at a position, with the stage's probability and a stage-changed event", async () => {
    const { proposal, negotiation } = board.stages;
    const a = await newDeal('A', negotiation);
    await newDeal('B', negotiation);
    const moving = await newDeal('M', proposal, { probability: 0.55 });

    const moved = await move(moving, negotiation, 1);
    expect(moved).toMatchObject({ stageId: negotiation.id, probability: 0.8, version: 2 });
    expect(await column(negotiation)).toEqual(['A', 'M', 'B']);
    expect(crm.events).toEqual([
      {
        name: 'crm.deal.stage-changed',
        payload: {
          dealId: moving.id,
          pipelineId: board.pipeline.id,
          fromStageId: proposal.id,
          toStageId: negotiation.id,
          probability: 0.8,
        },
        problems: [],
      },
    ]);

    crm.events.length = 0;
    const top = await move(moved, negotiation, 0);
    expect(top.probability).toBe(0.8);
    expect(await column(negotiation)).toEqual(['M', 'A', 'B']);
    const end = await move(a, negotiation);
    expect(await column(negotiation)).toEqual(['M', 'B', 'A']);
    expect(end.version).toBe(Number(a.version) + 1);
    expect(crm.events).toEqual([]);
  });

  it('changes nothing when the deal is already at that place', async () => {
    const stage = board.other.stage;
    const only = await newDeal('Only', stage);
    const same = await move(only, stage, 0);
    expect(same.version).toBe(only.version);
    expect((await move(only, stage, 99)).version).toBe(only.version);
  });

  it('finds room between two cards however often deals move into the same gap, one row each', async () => {
    const { qualified, proposal } = board.stages;
    const q1 = await newDeal('Q1', qualified);
    await newDeal('Q2', qualified);
    for (let i = 0; i < 60; i++) {
      const squeezed = await newDeal(`S${i}`, proposal);
      const placed = await move(squeezed, qualified, 1);
      expect(placed.version).toBe(2);
    }
    const order = await column(qualified);
    expect(order[0]).toBe('Q1');
    expect(order.at(-1)).toBe('Q2');
    expect(order.slice(1, -1)).toEqual(Array.from({ length: 60 }, (_, i) => `S${59 - i}`));
    const first = await crm.run((ctx) => ctx.resources('deal').get(String(q1.id)));
    expect(first.version).toBe(q1.version);
  });

  it('refuses to place a deal next to a card whose rank is no rank key (422)', async () => {
    // '00' sorts first in any column, and no key looks like it
    const { negotiation } = board.stages;
    await newDeal('Broken', negotiation, { rank: '00' });
    const moving = await newDeal('Mover', board.stages.proposal);
    const refused = await refusal(move(moving, negotiation, 1));
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', status: 422 });
    expect(refused.issues).toEqual([
      {
        path: '/body/position',
        code: 'rank',
        message: 'the neighbour above has "00", which is no rank key',
      },
    ]);
  });

  it('refuses a closed deal (409), a stage of another pipeline or tenant (422), an unknown deal (404)', async () => {
    const won = await newDeal('Won', board.stages.proposal);
    await crm.run((ctx) => ctx.resources('deal').transition(String(won.id), 'won'));
    const closed = await refusal(move(won, board.stages.negotiation));
    expect(closed).toMatchObject({ code: 'DEAL_CLOSED', status: 409 });

    const deal = await newDeal('Open', board.stages.proposal);
    const outside = await refusal(move(deal, board.other.stage));
    expect(outside.issues).toEqual([
      { path: '/body/stageId', code: 'stage-in-pipeline', message: 'The stage belongs to another pipeline' },
    ]);
    const foreign = await refusal(move(deal, elsewhere.stages.negotiation));
    expect(foreign.issues).toEqual([
      { path: '/body/stageId', code: 'reference', message: 'refers to no stage of this tenant' },
    ]);
    const missing = await refusal(
      move({ id: '5f0c1f43-1f9f-4c53-9a3c-1c8a2b0f0d11' }, board.stages.proposal),
    );
    expect(missing).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    const notYours = await refusal(
      crm.run((ctx) => moveDeal(ctx, String(deal.id), { stageId: String(board.stages.negotiation.id) }), {
        tenantId: tenantB,
      }),
    );
    expect(notYours.status).toBe(404);
  });
});
