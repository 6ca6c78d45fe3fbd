import { describe, expect, it } from 'vitest';
import { closeFields } from './close-fields.js';

const now = '2026-11-23T10:00:00.000Z';

describe('closeFields', () => {
  it('sets closedAt when a deal closes without one, on create or by a transition', () => {
    expect(closeFields({ status: 'won', closedAt: null }, { status: 'open' }, now)).toEqual({
      closedAt: now,
    });
    expect(closeFields({ status: 'lost' }, { status: 'open' }, now)).toEqual({ closedAt: now });
    expect(closeFields({ status: 'won' }, undefined, now)).toEqual({ closedAt: now });
  });

  it('keeps a closedAt given with the close, and corrections of a closed deal', () => {
    const given = '2026-11-01T09:00:00.000Z';
    expect(closeFields({ status: 'won', closedAt: given }, undefined, now)).toEqual({});
    expect(closeFields({ status: 'won', closedAt: given }, { status: 'won', closedAt: now }, now)).toEqual(
      {},
    );
  });

  it('clears closedAt and lostReason when a deal reopens', () => {
    expect(
      closeFields({ status: 'open', closedAt: now, lostReason: 'Price' }, { status: 'lost' }, now),
    ).toEqual({
      closedAt: null,
      lostReason: null,
    });
  });

  it('leaves open deals alone', () => {
    expect(closeFields({ status: 'open' }, undefined, now)).toEqual({});
    expect(closeFields({ status: 'open' }, { status: 'open' }, now)).toEqual({});
  });
});
