import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SalesEngine, salesEngine, tenantA } from '../resources/sales-engine.test-helper.js';
import { insertRows } from './insert-statement.js';

let s: SalesEngine;
let accounts: PgTable;

beforeAll(async () => {
  s = await salesEngine();
  accounts = s.tables.account as PgTable;
});
afterAll(() => s?.dispose());

const nowMs = sql`date_trunc('milliseconds', now())`;

/** An account row as the engine writes it: every author field, NULL where absent, SQL timestamps. */
function row(name: string): Record<string, unknown> {
  return {
    name,
    domain: null,
    employees: 12,
    tier: 'gold',
    contactEmail: null,
    address: null,
    tags: ['a', 'b'],
    custom: { score: 3 },
    id: randomUUID(),
    tenantId: tenantA,
    version: 1,
    createdBy: null,
    updatedBy: null,
    createdAt: nowMs,
    updatedAt: nowMs,
  };
}

const stored = (id: unknown) =>
  s.database.execute(
    `select name, domain, employees, tier, address is null as address_null, tags, custom, version
     from sales.accounts where id = $1`,
    [id],
  );

describe('insertRows', () => {
  it('returns and stores what drizzle would, run after run (NULL stays SQL NULL, jsonb as JSON)', async () => {
    for (let run = 0; run < 3; run++) {
      const [mine, theirs] = [row(`Kept ${run}`), row(`Built ${run}`)];
      const [kept, built] = await s.database.transaction(
        async (tx) => [
          (await insertRows(tx, accounts, [mine], { returning: true }))[0],
          ((await tx.insert(accounts).values(theirs).returning()) as Record<string, unknown>[])[0],
        ],
        { tenantId: tenantA },
      );
      const comparable = (r: Record<string, unknown> | undefined) => ({ ...r, id: 0, name: 0 });
      expect(comparable(kept)).toEqual(comparable(built));
      expect(kept).toMatchObject({ id: mine.id, name: `Kept ${run}`, address: null, tags: ['a', 'b'] });
      const [a] = await stored(mine.id);
      const [b] = await stored(theirs.id);
      expect({ ...a, name: 0 }).toEqual({ ...b, name: 0 });
      expect(a).toMatchObject({ address_null: true, custom: { score: 3 } });
    }
  });

  it('goes through drizzle for several rows, and for a row the statement does not fit', async () => {
    const rows = [row('Many 1'), row('Many 2')];
    const other = { ...row('Other SQL'), createdAt: sql`now()` };
    const undefinedField = { ...row('Defaulted'), tier: undefined };
    const inserted = await s.database.transaction(
      async (tx) => [
        ...(await insertRows(tx, accounts, rows, { returning: true })),
        ...(await insertRows(tx, accounts, [other], { returning: true })),
        ...(await insertRows(tx, accounts, [undefinedField], { returning: true })),
      ],
      { tenantId: tenantA },
    );
    expect(inserted.map((r) => r.name)).toEqual(['Many 1', 'Many 2', 'Other SQL', 'Defaulted']);
    // undefined is DEFAULT, as drizzle writes it
    expect(inserted[3]).toMatchObject({ tier: 'standard' });
  });

  it('inserts without RETURNING', async () => {
    const mine = row('Quiet');
    const result = await s.database.transaction((tx) => insertRows(tx, accounts, [mine]), {
      tenantId: tenantA,
    });
    expect(result).toEqual([]);
    expect(await stored(mine.id)).toHaveLength(1);
  });
});
