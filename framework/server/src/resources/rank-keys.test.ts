import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { firstRank, type RankedList, rankAtPosition, rankBetween } from './rank-keys.js';

function refusal(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A group of records in rank order, listed a page at a time as the engine would. */
function listOf(ranks: (string | null)[]): RankedList & { calls: number } {
  const records = ranks.map((rank, i) => ({ id: `r${i}`, rank }));
  const list = {
    calls: 0,
    async list(query: Readonly<Record<string, unknown>>) {
      list.calls += 1;
      const filter = query.filter as { id?: { ne: string } };
      const shown = records.filter((r) => r.id !== filter.id?.ne);
      const start = typeof query.cursor === 'string' ? Number(query.cursor) : 0;
      const size = Number(query.pageSize);
      const end = start + size;
      return { items: shown.slice(start, end), nextCursor: end < shown.length ? String(end) : null };
    },
  };
  return list;
}

describe('rankBetween', () => {
  it('ranks between neighbours, above the first, below the last and in an empty group', () => {
    expect(firstRank).toBe('50');
    expect(rankBetween(null, null)).toBe('50');
    expect(rankBetween('50', null)).toBe('51');
    expect(rankBetween(undefined, '50') < '50').toBe(true);
    const between = rankBetween('50', '51');
    expect('50' < between && between < '51').toBe(true);
  });

  it('always finds room: a thousand moves into the same gap keep the order, digits only', () => {
    let below = '51';
    for (let i = 0; i < 1000; i++) {
      const next = rankBetween('50', below);
      expect('50' < next && next < below).toBe(true);
      below = next;
    }
    expect(below).toMatch(/^[0-9]+$/);
  });

  it('refuses a neighbour that is no rank key, and neighbours out of order, at the given path', () => {
    expect(refusal(() => rankBetween('61', null, '/body/rank')).issues).toEqual([
      { path: '/body/rank', code: 'rank', message: 'the neighbour above has "61", which is no rank key' },
    ]);
    expect(refusal(() => rankBetween(null, 'abc')).issues[0]).toMatchObject({ path: '/rank', code: 'rank' });
    const reversed = refusal(() => rankBetween('52', '51'));
    expect(reversed).toMatchObject({ code: 'VALIDATION_FAILED', status: 422 });
    expect(reversed.issues[0]?.message).toBe(
      'the neighbour above ("52") must sort before the one below ("51")',
    );
    expect(refusal(() => rankBetween('51', '51')).issues[0]?.code).toBe('rank');
  });
});

describe('rankAtPosition', () => {
  it('ranks between the records at the position, the end when absent or past it', async () => {
    const group = listOf(['50', '51', '52']);
    const top = await rankAtPosition(group, { filter: {}, position: 0 });
    expect(top !== undefined && top < '50').toBe(true);
    const second = await rankAtPosition(group, { filter: {}, position: 1 });
    expect(second !== undefined && '50' < second && second < '51').toBe(true);
    expect(await rankAtPosition(group, { filter: {}, position: 99 })).toBe('53');
    expect(await rankAtPosition(group, { filter: {}, position: undefined })).toBe('53');
  });

  it('reads no further than the position, and says when the record already sits there', async () => {
    const ranks: string[] = [];
    for (let i = 0; i < 500; i++) ranks.push(rankBetween(ranks.at(-1), null));
    const group = listOf(ranks);
    group.calls = 0;
    await rankAtPosition(group, { filter: {}, position: 2 });
    expect(group.calls).toBe(1);
    const own = listOf(['50', '51', '52']);
    expect(
      await rankAtPosition(own, { filter: {}, position: 1, exceptId: 'r1', current: '51' }),
    ).toBeUndefined();
    expect(
      await rankAtPosition(own, { filter: {}, position: 0, exceptId: 'r1', current: '51' }),
    ).toBeDefined();
  });
});
