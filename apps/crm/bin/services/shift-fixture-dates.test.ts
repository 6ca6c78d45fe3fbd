import { describe, expect, it } from 'vitest';
import { daysSince, shiftDate, shiftRecord } from './shift-fixture-dates.js';

describe('shifting fixture dates', () => {
  it('counts whole days from the reference date, either way, across month and year ends', () => {
    expect(daysSince('2026-11-16', '2026-11-23')).toBe(7);
    expect(daysSince('2026-11-16', '2026-11-16')).toBe(0);
    expect(daysSince('2026-11-16', '2026-11-01')).toBe(-15);
    expect(daysSince('2026-11-16', '2027-03-01')).toBe(105);
  });

  it('moves dates and instants by whole days and keeps the time of day', () => {
    expect(shiftDate('2026-11-30', 'date', 7)).toBe('2026-12-07');
    expect(shiftDate('2026-03-01', 'date', -1)).toBe('2026-02-28');
    expect(shiftDate('2026-07-15T14:49:00Z', 'date-time', 7)).toBe('2026-07-22T14:49:00.000Z');
    expect(shiftDate(null, 'date', 7)).toBeNull();
    expect(shiftDate('soon', 'date', 7)).toBe('soon');
  });

  it('shifts only the given fields of a record', () => {
    expect(
      shiftRecord(
        { dueDate: '2026-11-16', dueTime: '09:30', doneAt: null, subject: 'Call' },
        { dueDate: 'date', doneAt: 'date-time' },
        3,
      ),
    ).toEqual({ dueDate: '2026-11-19', dueTime: '09:30', doneAt: null, subject: 'Call' });
  });
});
