import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiRecord } from '../crm-engine.test-helper.js';
import { type Board, type CrmEngine, createBoard, crmEngine, tenantB } from '../crm-engine.test-helper.js';
import { refusal } from '../refusal.test-helper.js';
import { loseDeal, winDeal } from './close-deal.js';

let crm: CrmEngine;
let board: Board;

beforeAll(async () => {
  crm = await crmEngine();
  board = await createBoard(crm);
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
      title: 'Deal',
      companyId: board.company.id,
      pipelineId: board.pipeline.id,
      stageId: board.stages.proposal.id,
      amount: 250_000,
      ...fields,
    }),
  );
}

describe('winDeal', () => {
  it('closes an open deal won: probability 1, closedAt, crm.deal.won', async () => {
    const deal = await newDeal();
    const won = await crm.run((ctx) => winDeal(ctx, String(deal.id)));
    expect(won).toMatchObject({ status: 'won', probability: 1, version: 2 });
    expect(Date.now() - Date.parse(String(won.closedAt))).toBeLessThan(60_000);
    expect(crm.events.map((e) => [e.name, e.problems])).toEqual([['crm.deal.won', []]]);
  });

  it('emits nothing when the transaction that won the deal rolls back afterwards', async () => {
    const deal = await newDeal();
    const outbox = async () =>
      Number(
        (
          await crm.database.execute<{ n: number }>(
            `select count(*)::int as n from prefiq.event_outbox where payload->>'dealId' = $1`,
            [String(deal.id)],
          )
        )[0]?.n,
      );
    const failed = crm.run(async (ctx) => {
      await winDeal(ctx, String(deal.id));
      throw new Error('a later step failed');
    });
    await expect(failed).rejects.toThrow('a later step failed');
    expect(await outbox()).toBe(0);
    expect(crm.events).toEqual([]);
    await crm.run((ctx) => winDeal(ctx, String(deal.id)));
    expect(await outbox()).toBe(1);
    expect(crm.events.map((e) => e.name)).toEqual(['crm.deal.won']);
  });

  it("answers a deal without value with the rule's words on /body/amount, and changes nothing", async () => {
    for (const amount of [0, null]) {
      const deal = await newDeal({ amount });
      const refused = await refusal(crm.run((ctx) => winDeal(ctx, String(deal.id))));
      expect(refused).toMatchObject({ code: 'RULE_FAILED', status: 422 });
      expect(refused.issues).toEqual([
        {
          path: '/body/amount',
          code: 'won-needs-amount',
          message: 'A won deal needs a value greater than zero',
        },
      ]);
      const unchanged = await crm.run((ctx) => ctx.resources('deal').get(String(deal.id)));
      expect(unchanged).toMatchObject({ status: 'open', version: 1 });
    }
    expect(crm.events).toEqual([]);
  });

  it('refuses a deal that is not open (409) and one that is not there (404)', async () => {
    const deal = await newDeal();
    await crm.run((ctx) => winDeal(ctx, String(deal.id)));
    expect(await refusal(crm.run((ctx) => winDeal(ctx, String(deal.id))))).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      status: 409,
    });
    expect(
      await refusal(crm.run((ctx) => winDeal(ctx, String(deal.id)), { tenantId: tenantB })),
    ).toMatchObject({ status: 404 });
  });

  it('needs crm:deal:win, as the transition does', async () => {
    const deal = await newDeal();
    const refused = await refusal(
      crm.run((ctx) => winDeal(ctx, String(deal.id)), { permissions: ['crm:deal:update'] }),
    );
    expect(refused).toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });
});

describe('loseDeal', () => {
  it('closes an open deal lost with its reason: probability 0, closedAt, crm.deal.lost', async () => {
    const deal = await newDeal({ amount: null });
    const lost = await crm.run((ctx) =>
      loseDeal(ctx, String(deal.id), { lostReason: 'No budget this year' }),
    );
    expect(lost).toMatchObject({ status: 'lost', probability: 0, lostReason: 'No budget this year' });
    expect(crm.events).toEqual([
      {
        name: 'crm.deal.lost',
        payload: expect.objectContaining({
          dealId: deal.id,
          amount: null,
          lostReason: 'No budget this year',
        }),
        problems: [],
      },
    ]);
  });

  it('refuses a closed deal with 409 and leaves its reason alone', async () => {
    const deal = await newDeal();
    await crm.run((ctx) => loseDeal(ctx, String(deal.id), { lostReason: 'Price' }));
    const refused = await refusal(crm.run((ctx) => loseDeal(ctx, String(deal.id), { lostReason: 'Timing' })));
    expect(refused).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', status: 409 });
    const stored = await crm.run((ctx) => ctx.resources('deal').get(String(deal.id)));
    expect(stored.lostReason).toBe('Price');
  });
});
