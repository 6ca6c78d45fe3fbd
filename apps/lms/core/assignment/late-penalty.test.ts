import { describe, expect, it } from 'vitest';
import { hardDeadline, lateness } from './late-penalty.js';

const due = '2026-12-01T12:00:00.000Z';

describe('lateness', () => {
  it('takes work on time without a penalty, up to the due moment itself', () => {
    expect(lateness({ dueAt: due, latePolicy: 'per-day', latePenaltyPercent: 10 }, due)).toEqual({
      open: true,
      late: false,
      daysLate: 0,
      penaltyPercent: 0,
    });
  });

  it('takes the per-day penalty per started day, capped', () => {
    const policy = {
      dueAt: due,
      latePolicy: 'per-day',
      latePenaltyPercent: 10,
      latePenaltyMaxPercent: 25,
    } as const;
    expect(lateness(policy, '2026-12-01T12:00:01.000Z')).toMatchObject({
      late: true,
      daysLate: 1,
      penaltyPercent: 10,
    });
    expect(lateness(policy, '2026-12-03T12:00:00.000Z')).toMatchObject({ daysLate: 2, penaltyPercent: 20 });
    expect(lateness(policy, '2026-12-09T00:00:00.000Z')).toMatchObject({ daysLate: 8, penaltyPercent: 25 });
  });

  it('takes a flat penalty once', () => {
    const policy = { dueAt: due, latePolicy: 'flat', latePenaltyPercent: 15 } as const;
    expect(lateness(policy, '2026-12-05T00:00:00.000Z')).toMatchObject({ late: true, penaltyPercent: 15 });
  });

  it('refuses after the hard deadline, and after the due date when the policy takes nothing late', () => {
    const hard = '2026-12-03T12:00:00.000Z';
    expect(
      lateness({ dueAt: due, hardDeadlineAt: hard, latePolicy: 'per-day', latePenaltyPercent: 5 }, hard),
    ).toMatchObject({ open: true });
    expect(
      lateness({ dueAt: due, hardDeadlineAt: hard, latePolicy: 'per-day' }, '2026-12-03T12:00:00.001Z'),
    ).toEqual({
      open: false,
      closedAt: hard,
    });
    expect(lateness({ dueAt: due, latePolicy: 'none' }, '2026-12-01T12:00:01.000Z')).toEqual({
      open: false,
      closedAt: due,
    });
    expect(hardDeadline({ dueAt: due, latePolicy: 'flat' })).toBeNull();
  });
});
