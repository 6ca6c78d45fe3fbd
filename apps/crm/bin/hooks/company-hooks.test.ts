import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Board, type CrmEngine, createBoard, crmEngine } from '../crm-engine.test-helper.js';
import { refusal } from '../refusal.test-helper.js';

let crm: CrmEngine;
let board: Board;

beforeAll(async () => {
  crm = await crmEngine();
  board = await createBoard(crm);
}, 60_000);

afterAll(async () => {
  await crm?.dispose();
});

describe('company hooks', () => {
  it('keep domains unique per tenant', async () => {
    const taken = await refusal(
      crm.run((ctx) => ctx.resources('company').create({ name: 'Acme again', domain: 'acme.example' })),
    );
    expect(taken).toMatchObject({ code: 'UNIQUE_VIOLATION', status: 409 });
    expect(taken.issues).toEqual([
      { path: '/domain', code: 'unique', message: 'is already used by another Company' },
    ]);
  });

  it('check tag ids on update', async () => {
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
