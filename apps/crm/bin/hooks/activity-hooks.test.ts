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

describe('activity hooks', () => {
  it('set doneAt when an activity is done, clear it when it is reopened', async () => {
    const task = await crm.run((ctx) =>
      ctx.resources('activity').create({
        type: 'task',
        subject: 'Send the proposal',
        dueDate: '2030-01-15',
        personId: board.customer.id,
      }),
    );
    expect(task).toMatchObject({ done: false, doneAt: null });
    const done = await crm.run((ctx) => ctx.resources('activity').update(String(task.id), { done: true }));
    expect(Date.now() - Date.parse(String(done.doneAt))).toBeLessThan(60_000);
    const again = await crm.run((ctx) =>
      ctx.resources('activity').update(String(task.id), { subject: 'Sent' }),
    );
    expect(again.doneAt).toBe(done.doneAt);
    const reopened = await crm.run((ctx) =>
      ctx.resources('activity').update(String(task.id), { done: false }),
    );
    expect(reopened).toMatchObject({ done: false, doneAt: null });
  });

  it('keep a doneAt the client gives with done, and refuse one without', async () => {
    const logged = await crm.run((ctx) =>
      ctx.resources('activity').create({
        type: 'call',
        subject: 'Intro call',
        done: true,
        doneAt: '2026-11-02T10:30:00.000Z',
        companyId: board.company.id,
      }),
    );
    expect(logged.doneAt).toBe('2026-11-02T10:30:00.000Z');
    const refused = await refusal(
      crm.run((ctx) =>
        ctx.resources('activity').create({
          type: 'note',
          subject: 'Not done',
          doneAt: '2026-11-02T10:30:00.000Z',
          companyId: board.company.id,
        }),
      ),
    );
    expect(refused.issues).toEqual([
      { path: '/doneAt', code: 'done-at-needs-done', message: 'Only a done activity has a done time' },
    ]);
  });
});
