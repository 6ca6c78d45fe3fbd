import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('person hooks', () => {
  it('compose name from first and last name on create, whatever the client sends', async () => {
    const people = await crm.run(async (ctx) => [
      await ctx.resources('person').create({ firstName: 'Katherine', lastName: 'Johnson' }),
      await ctx.resources('person').create({ firstName: 'Hedy' }),
      await ctx.resources('person').create({ firstName: 'Mary', lastName: 'Jackson', name: 'Someone Else' }),
    ]);
    expect(people.map((p) => p.name)).toEqual(['Katherine Johnson', 'Hedy', 'Mary Jackson']);
  });

  it('recompose name when either part changes', async () => {
    const updated = await crm.run(async (ctx) => {
      await ctx.resources('person').update(String(board.lead.id), { lastName: 'King' });
      return ctx.resources('person').update(String(board.lead.id), { lastName: null });
    });
    expect(updated).toMatchObject({ firstName: 'Ada', lastName: null, name: 'Ada' });
  });

  it('refuse tag ids of another tenant, and bad input with the schema’s words', async () => {
    const refused = await refusal(
      crm.run((ctx) => ctx.resources('person').create({ firstName: 'Alan', tagIds: [elsewhere.tag.id] })),
    );
    expect(refused.issues).toEqual([
      { path: '/tagIds/0', code: 'reference', message: 'refers to no tag of this tenant' },
    ]);
    const blank = await refusal(crm.run((ctx) => ctx.resources('person').create({ lastName: 'Turing' })));
    expect(blank).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(blank.issues.map((i) => i.path)).toContain('/firstName');
  });
});
