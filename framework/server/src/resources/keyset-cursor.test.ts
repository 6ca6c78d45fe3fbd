import { beforeAll, describe, expect, it } from 'vitest';
import type { EntityPlan, FieldPlan } from './entity-plan.js';
import {
  decodeCursor,
  encodeCursor,
  keysetCondition,
  orderBy,
  type SortKey,
  sortSignature,
} from './keyset-cursor.js';
import { render, salesPlans } from './sales-engine.test-helper.js';

const secret = 'a-secret-of-sixteen-or-more';
const scope = 'sales.opportunity';
let plan: EntityPlan;
const field = (name: string): FieldPlan => {
  const found = plan.fields.get(name);
  if (found === undefined) throw new Error(name);
  return found;
};

beforeAll(async () => {
  ({ opportunity: plan } = await salesPlans());
});

describe('cursors', () => {
  const keys = (): SortKey[] => [
    { field: field('amount'), descending: true },
    { field: field('id'), descending: true },
  ];
  const id = 'a0000000-0000-4000-8000-000000000001';

  it('round-trips the sort values', () => {
    const cursor = encodeCursor(secret, scope, keys(), [100, id]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(decodeCursor(secret, scope, keys(), cursor)).toEqual([100, id]);
    expect(decodeCursor(secret, scope, keys(), encodeCursor(secret, scope, keys(), [null, id]))).toEqual([
      null,
      id,
    ]);
  });

  it('refuses an edited, forged, truncated or foreign cursor', () => {
    const cursor = encodeCursor(secret, scope, keys(), [100, id]);
    const [payload, signature] = cursor.split('.');
    const edited = Buffer.from(JSON.stringify(['-amount,-id', [1_000_000, id]])).toString('base64url');
    const attempts = [
      `${edited}.${signature}`,
      `${payload}.${'A'.repeat(22)}`,
      payload ?? '',
      `${cursor}.x`,
      'garbage',
      encodeCursor('another-secret-of-16-chars', scope, keys(), [100, id]),
      encodeCursor(secret, 'sales.account', keys(), [100, id]),
    ];
    for (const attempt of attempts) {
      expect(() => decodeCursor(secret, scope, keys(), attempt), attempt).toThrow(
        expect.objectContaining({ code: 'INVALID_CURSOR', status: 400 }),
      );
    }
  });

  it('refuses a cursor made for another sort order', () => {
    const cursor = encodeCursor(secret, scope, keys(), [100, id]);
    const other: SortKey[] = [
      { field: field('title'), descending: false },
      { field: field('id'), descending: false },
    ];
    expect(() => decodeCursor(secret, scope, other, cursor)).toThrow(/another sort order/);
  });

  it('refuses values of the wrong type even when signed (a changed schema)', () => {
    const cursor = encodeCursor(secret, scope, keys(), ['not a number', id]);
    expect(() => decodeCursor(secret, scope, keys(), cursor)).toThrow(
      expect.objectContaining({ code: 'INVALID_CURSOR' }),
    );
  });

  it('names the order it belongs to', () => {
    expect(sortSignature(keys())).toBe('-amount,-id');
  });
});

describe('keysetCondition', () => {
  it('compares row values when every key is NOT NULL and goes one way', () => {
    const keys: SortKey[] = [
      { field: field('createdAt'), descending: true },
      { field: field('id'), descending: true },
    ];
    const { sql, params } = render(keysetCondition(keys, ['2026-01-01 00:00:00+00', 'x']));
    expect(sql).toBe('("created_at", "id") < (cast($1 as timestamptz), cast($2 as uuid))');
    expect(params).toEqual(['2026-01-01 00:00:00+00', 'x']);
  });

  it('places NULLs last going up and first going down', () => {
    const up: SortKey[] = [
      { field: field('amount'), descending: false },
      { field: field('id'), descending: false },
    ];
    expect(render(keysetCondition(up, [5, 'x'])).sql).toBe(
      '((("amount" > cast($1 as bigint) or "amount" is null)) or ("amount" = cast($2 as bigint) and "id" > cast($3 as uuid)))',
    );
    expect(render(keysetCondition(up, [null, 'x'])).sql).toBe(
      '(("amount" is null and "id" > cast($1 as uuid)))',
    );
    const down: SortKey[] = [
      { field: field('amount'), descending: true },
      { field: field('id'), descending: true },
    ];
    expect(render(keysetCondition(down, [null, 'x'])).sql).toBe(
      '(("amount" is not null) or ("amount" is null and "id" < cast($1 as uuid)))',
    );
  });

  it('orders with the NULL placement the condition assumes', () => {
    const keys: SortKey[] = [
      { field: field('amount'), descending: false },
      { field: field('id'), descending: true },
    ];
    expect(orderBy(keys).map((o) => render(o).sql)).toEqual([
      '"amount" asc nulls last',
      '"id" desc nulls first',
    ]);
  });
});
