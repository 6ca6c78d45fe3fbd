import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codexionOperations, registerCodexionOperations } from './codexion-operations.js';
import {
  countUnknown,
  createTestDatabase,
  expectedIds,
  insertRecords,
  resolveVar,
  type StoredRecord,
  selectIds,
  type TestRecord,
  user,
} from './json-logic-sql.test-helper.js';
import { JsonLogicSqlError, type JsonLogicSqlErrorCode } from './json-logic-sql-error.js';
import { compileJsonLogicToSql, type VarResolution } from './json-logic-to-sql.js';
import { toPositionalSql } from './sql-fragment.js';

const otherUuid = '00000000-0000-0000-0000-000000000000';
const empty: Omit<TestRecord, 'id'> = {
  name: null,
  status: null,
  code: '',
  amount: null,
  qty: 0,
  price: null,
  active: null,
  close_date: null,
  created_at: null,
  owner_id: null,
  tags: null,
};
const row = (id: number, fields: Partial<TestRecord>, tagsAsJsonNull = false): StoredRecord => ({
  record: { ...empty, ...fields, id },
  tagsAsJsonNull,
});

/** Five records that between them hit nulls, empty strings, zero and the coercions. */
const fixtures = [
  row(1, {
    name: 'Alice',
    status: 'open',
    code: 'A1',
    amount: 10,
    qty: 3,
    price: 9.5,
    active: true,
    close_date: '2024-01-15',
    created_at: '2024-01-15T10:00:00.000Z',
    owner_id: user.id,
    tags: ['vip', 'new'],
  }),
  row(2, {
    name: '',
    status: '',
    code: 'b',
    amount: 0,
    qty: 0,
    price: 0,
    active: false,
    close_date: '2024-02-01',
    created_at: '2023-12-31T23:59:59.999Z',
    owner_id: otherUuid,
    tags: 'a vip b',
  }),
  row(3, { code: '10', qty: -3 }),
  row(4, {
    name: 'bob',
    status: 'won',
    code: 'Z',
    amount: 5,
    qty: 10,
    price: -1.25,
    active: true,
    close_date: '2023-12-25',
    created_at: '2024-02-01T00:00:00.000Z',
    owner_id: 'ffffffff-ffff-4fff-bfff-ffffffffffff',
    tags: [],
  }),
  row(
    5,
    {
      name: '10',
      status: 'lost',
      code: 'é',
      amount: -3,
      qty: 1,
      price: 1000,
      active: false,
      close_date: '2024-01-31',
    },
    true,
  ),
];

let db: PGlite;
beforeAll(async () => {
  db = await createTestDatabase();
  await insertRecords(db, 1, fixtures);
}, 60_000);
afterAll(async () => {
  await db.close();
});

/**
 * Compiles the rule, runs it on the fixtures and checks the ids against json-logic-js, and that
 * the condition is never NULL. Returns the SQL and the ids for the test's own expectations.
 */
async function check(
  rule: unknown,
  resolver = resolveVar,
): Promise<{ text: string; params: unknown[]; ids: number[] }> {
  const fragment = compileJsonLogicToSql(rule, { resolveVar: resolver });
  const ids = await selectIds(db, 1, fragment);
  expect(ids, JSON.stringify(rule)).toEqual(expectedIds(rule, fixtures));
  expect(await countUnknown(db, 1, fragment), 'rows where the condition is NULL').toBe(0);
  return { ...toPositionalSql(fragment), ids };
}

function refusal(rule: unknown): JsonLogicSqlError {
  try {
    compileJsonLogicToSql(rule, { resolveVar });
  } catch (error) {
    if (error instanceof JsonLogicSqlError) return error;
    throw error;
  }
  throw new Error(`compiled: ${JSON.stringify(rule)}`);
}

describe('var', () => {
  it('tests a column for truth', async () => {
    expect((await check({ var: 'name' })).ids).toEqual([1, 4, 5]);
    expect((await check({ var: 'amount' })).ids).toEqual([1, 4, 5]);
    expect((await check({ var: ['active'] })).ids).toEqual([1, 4]);
    // A jsonb value: non-empty array or string; `[]`, JSON null and SQL NULL are all falsy.
    expect((await check({ var: 'tags' })).ids).toEqual([1, 2]);
  });

  it('passes dotted names to the resolver and binds context values', async () => {
    const { text, params, ids } = await check({ '==': [{ var: 'owner_id' }, { var: '$user.id' }] });
    expect(ids).toEqual([1]);
    expect(text).toBe('("t"."owner_id" IS NOT NULL AND "t"."owner_id" = $1::uuid)');
    expect(params).toEqual([user.id]);
  });

  it('uses the default when a context value is absent, never for a column', async () => {
    expect((await check({ '==': [{ var: ['$user.team', 'north'] }, 'north'] })).text).toBe('TRUE');
    // Record 3 holds amount null: null is a value, so the default 5 does not apply.
    expect((await check({ '==': [{ var: ['amount', 5] }, 5] })).ids).toEqual([4]);
  });

  it('refuses a name that reads the whole record', () => {
    expect(refusal({ var: '' }).code).toBe('UNSUPPORTED_OPERAND');
    expect(refusal({ var: [] }).code).toBe('BAD_ARITY');
  });
});

describe('== and !=', () => {
  it('compares a text column with a string, index-friendly', async () => {
    const { text, params, ids } = await check({ '==': [{ var: 'status' }, 'open'] });
    expect(ids).toEqual([1]);
    expect(text).toBe('("t"."status" IS NOT NULL AND "t"."status" = $1::text)');
    expect(params).toEqual(['open']);
  });

  it("coerces a literal to the column's type at compile time", async () => {
    const numeric = await check({ '==': [{ var: 'amount' }, '10'] });
    expect(numeric.ids).toEqual([1]);
    expect(numeric.params).toEqual([10]);
    expect((await check({ '==': [{ var: 'amount' }, 'abc'] })).text).toBe('FALSE');
    expect((await check({ '==': [{ var: 'active' }, 1] })).ids).toEqual([1, 4]);
    expect((await check({ '==': [{ var: 'active' }, '0'] })).ids).toEqual([2, 5]);
    // An array literal compares as its String(): [] is ''.
    expect((await check({ '==': [{ var: 'name' }, []] })).ids).toEqual([2]);
  });

  it('matches null only to null', async () => {
    const { text, ids } = await check({ '==': [{ var: 'amount' }, null] });
    expect(ids).toEqual([3]);
    expect(text).toBe('("t"."amount" IS NULL)');
    expect((await check({ '!=': [{ var: 'status' }, 'open'] })).ids).toEqual([2, 3, 4, 5]);
  });

  it('compares dates and uuids natively only for their exact JSON form', async () => {
    const date = await check({ '==': [{ var: 'close_date' }, '2024-01-15'] });
    expect(date.ids).toEqual([1]);
    expect(date.text).toContain('$1::date');
    const upper = await check({ '==': [{ var: 'owner_id' }, user.id.toUpperCase()] });
    expect(upper.ids).toEqual([]);
    expect(upper.text).not.toContain('::uuid');
  });

  it('compares two columns, null equal to null', async () => {
    expect((await check({ '==': [{ var: 'amount' }, { var: 'qty' }] })).ids).toEqual([2]);
    expect((await check({ '==': [{ var: 'amount' }, { var: 'price' }] })).ids).toEqual([2, 3]);
  });

  it('refuses text against a number: JavaScript would run Number() on every value', () => {
    const error = refusal({ '==': [{ var: 'name' }, 1] });
    expect(error.code).toBe('TYPE_MISMATCH');
    expect(error.message).toContain('var "name"');
  });
});

describe('=== and !==', () => {
  it('is false across types, without coercion', async () => {
    expect((await check({ '===': [{ var: 'amount' }, '10'] })).text).toBe('FALSE');
    expect((await check({ '===': [{ var: 'amount' }, 10] })).ids).toEqual([1]);
    expect((await check({ '!==': [{ var: 'status' }, null] })).ids).toEqual([1, 2, 4, 5]);
    expect((await check({ '===': [{ var: 'tags' }, 'a vip b'] })).ids).toEqual([2]);
  });
});

describe('<, <=, >, >=', () => {
  it('counts null as 0, as JavaScript does', async () => {
    const { text, ids } = await check({ '<': [{ var: 'amount' }, 5] });
    expect(ids).toEqual([2, 3, 5]);
    expect(text).toBe('("t"."amount" IS NULL OR "t"."amount" < $1::bigint)');
    expect((await check({ '>': [{ var: 'amount' }, null] })).ids).toEqual([1, 4]);
  });

  it('orders strings by code unit with COLLATE "C"', async () => {
    const { text, ids } = await check({ '<': [{ var: 'name' }, 'a'] });
    expect(ids).toEqual([1, 2, 5]);
    expect(text).toContain('COLLATE "C"');
  });

  it('takes json-logic-js 3-argument form', async () => {
    expect((await check({ '<=': [1, { var: 'qty' }, 3] })).ids).toEqual([1, 5]);
    expect((await check({ '<': [0, { var: 'qty' }, 3] })).ids).toEqual([5]);
  });

  it('compares dates and timestamps natively against their exact JSON form', async () => {
    const date = await check({ '<': [{ var: 'close_date' }, '2024-01-15'] });
    expect(date.ids).toEqual([4]);
    expect(date.text).toBe('("t"."close_date" IS NOT NULL AND "t"."close_date" < $1::date)');
    expect((await check({ '>=': [{ var: 'created_at' }, '2024-01-15T10:00:00.000Z'] })).ids).toEqual([1, 4]);
    // A date is never a number: only the null one (0 < 5) passes.
    expect((await check({ '<': [{ var: 'close_date' }, 5] })).ids).toEqual([3]);
  });

  it('refuses what SQL cannot order like JavaScript', () => {
    expect(refusal({ '<': [{ var: 'name' }, 5] }).code).toBe('TYPE_MISMATCH');
    // From U+D800 up, UTF-16 code-unit order and code-point order differ.
    expect(refusal({ '<': [{ var: 'name' }, '\uFFFD'] }).code).toBe('UNSUPPORTED_OPERAND');
    expect(refusal({ '>': [{ var: 'name' }, { var: 'code' }] }).code).toBe('TYPE_MISMATCH');
    expect(refusal({ '>': [{ var: 'amount' }, 1, 2] }).code).toBe('BAD_ARITY');
  });
});

describe('between', () => {
  it('is inclusive, with the coercions of <=', async () => {
    expect((await check({ between: [{ var: 'amount' }, 0, 5] })).ids).toEqual([2, 3, 4]);
    const dates = await check({ between: [{ var: 'close_date' }, '2024-01-01', '2024-01-31'] });
    expect(dates.ids).toEqual([1, 5]);
    expect(dates.text).toBe(
      '("t"."close_date" IS NOT NULL AND $1::date <= "t"."close_date" AND "t"."close_date" <= $2::date)',
    );
  });

  it('is registered on json-logic-js with the same meaning', () => {
    expect(codexionOperations.between(null, 0, 5)).toBe(true);
    expect(codexionOperations.between('b', 'a', 'c')).toBe(true);
    expect(codexionOperations.between(6, 0, 5)).toBe(false);
    const added: string[] = [];
    registerCodexionOperations({ add_operation: (name) => added.push(name) });
    expect(added).toEqual(['between']);
    expect(refusal({ between: [{ var: 'amount' }, 0] }).code).toBe('BAD_ARITY');
  });
});

describe('in', () => {
  it('finds a value in an array literal by strict equality', async () => {
    const { text, ids } = await check({ in: [{ var: 'status' }, ['open', 'won']] });
    expect(ids).toEqual([1, 4]);
    expect(text).toBe('("t"."status" IS NOT NULL AND "t"."status" IN ($1::text, $2::text))');
    expect((await check({ in: [{ var: 'status' }, ['open', null]] })).ids).toEqual([1, 3]);
    expect((await check({ in: [{ var: 'status' }, ['x', { var: 'code' }]] })).ids).toEqual([]);
  });

  it('finds a substring, after String() of the needle', async () => {
    expect((await check({ in: ['li', { var: 'name' }] })).ids).toEqual([1]);
    // '' is in every string but the empty one, which json-logic-js turns away.
    expect((await check({ in: ['', { var: 'name' }] })).ids).toEqual([1, 4, 5]);
    expect((await check({ in: [{ var: 'code' }, 'A1 b Z'] })).ids).toEqual([1, 2, 4]);
    // String(0) is '0', found in '10 or 5'; null is 'null', not found.
    expect((await check({ in: [{ var: 'amount' }, '10 or 5'] })).ids).toEqual([1, 2, 4]);
  });

  it('searches a jsonb array or string', async () => {
    expect((await check({ in: ['vip', { var: 'tags' }] })).ids).toEqual([1, 2]);
    expect((await check({ in: ['new', { var: 'tags' }] })).ids).toEqual([1]);
  });

  it('is false on anything without indexOf', async () => {
    expect((await check({ in: ['x', { var: 'amount' }] })).text).toBe('FALSE');
    expect(refusal({ in: [{ var: 'price' }, '9.5'] }).code).toBe('UNSUPPORTED_OPERAND');
  });
});

describe('and, or, !, !!', () => {
  it('combines truth', async () => {
    expect((await check({ and: [{ var: 'active' }, { '>': [{ var: 'amount' }, 5] }] })).ids).toEqual([1]);
    expect(
      (await check({ or: [{ '==': [{ var: 'status' }, 'won'] }, { '!': { var: 'name' } }] })).ids,
    ).toEqual([2, 3, 4]);
  });

  it('returns operand values, as json-logic-js does', async () => {
    const { text, ids } = await check({ '==': [{ or: [{ var: 'status' }, 'none'] }, 'none'] });
    expect(ids).toEqual([2, 3]);
    expect(text).toContain('CASE WHEN');
    expect((await check({ '==': [{ and: [{ var: 'amount' }, { var: 'qty' }] }, 0] })).ids).toEqual([2]);
    expect(refusal({ '==': [{ or: [{ var: 'name' }, { var: 'amount' }] }, 0] }).code).toBe(
      'UNSUPPORTED_OPERAND',
    );
  });

  it('negates without letting NULL through', async () => {
    // Record 3's name is null: `<` is false, so `!` is true; SQL's NOT NULL would drop it.
    expect((await check({ '!': { '<': [{ var: 'name' }, 'a'] } })).ids).toEqual([3, 4]);
    expect((await check({ '!': [{ var: 'active' }] })).ids).toEqual([2, 3, 5]);
  });

  it('uses JSON Logic truthiness for constants', async () => {
    expect((await check({ '!!': ['0'] })).text).toBe('TRUE');
    expect((await check({ '!': [[]] })).text).toBe('TRUE');
    expect((await check({ '!!': [[]] })).text).toBe('FALSE');
  });
});

describe('if', () => {
  it('picks a branch per record', async () => {
    const rule = {
      if: [{ var: 'active' }, { '>': [{ var: 'amount' }, 5] }, { '==': [{ var: 'status' }, 'lost'] }],
    };
    expect((await check(rule)).ids).toEqual([1, 5]);
  });
});

describe('missing and missing_some', () => {
  it('counts null and empty strings as missing', async () => {
    expect((await check({ missing: ['name', 'amount'] })).ids).toEqual([2, 3]);
    expect((await check({ '!': { missing: 'status' } })).ids).toEqual([1, 4, 5]);
    expect((await check({ missing: '$user.team' })).text).toBe('TRUE');
  });

  it('is truthy when fewer than the count are present', async () => {
    expect((await check({ missing_some: [2, ['name', 'status', 'amount']] })).ids).toEqual([2, 3]);
  });
});

describe('literals', () => {
  it('compiles to TRUE or FALSE by JSON Logic truthiness', async () => {
    for (const [rule, text] of [
      [true, 'TRUE'],
      [0, 'FALSE'],
      ['0', 'TRUE'],
      [[], 'FALSE'],
      [{}, 'TRUE'],
      [null, 'FALSE'],
      [{ '+': [1, 2] }, 'TRUE'],
    ] as const) {
      expect((await check(rule)).text).toBe(text);
    }
  });
});

describe('parameterization', () => {
  const attack = "x'; DROP TABLE t; --";

  it('keeps values out of the SQL text', async () => {
    for (const rule of [
      { '==': [{ var: 'name' }, attack] },
      { in: [attack, { var: 'name' }] },
      { in: [{ var: 'status' }, [attack, 'open']] },
      { '<': [{ var: 'name' }, attack] },
    ]) {
      const { text, params } = await check(rule);
      expect(text).not.toContain('DROP');
      expect(params).toContain(attack);
    }
    const fromContext = (path: string): VarResolution | undefined =>
      path === '$user.name' ? { kind: 'value', value: attack } : resolveVar(path);
    const fragment = compileJsonLogicToSql(
      { '==': [{ var: 'name' }, { var: '$user.name' }] },
      { resolveVar: fromContext },
    );
    const { text, params } = toPositionalSql(fragment);
    expect(text).not.toContain('DROP');
    expect(params).toEqual([attack]);
    expect(await selectIds(db, 1, fragment)).toEqual([]);
    expect((await db.query('SELECT count(*)::int AS n FROM t')).rows).toEqual([{ n: fixtures.length }]);
  });
});

describe('compileJsonLogicToSql', () => {
  it('does what its JSDoc example says', () => {
    const fragment = compileJsonLogicToSql(
      { and: [{ '==': [{ var: 'status' }, 'open'] }, { '==': [{ var: 'ownerId' }, { var: '$user.id' }] }] },
      {
        resolveVar: (name) =>
          name === 'status'
            ? { kind: 'column', sql: '"t"."status"', type: 'text', nullable: false }
            : name === 'ownerId'
              ? { kind: 'column', sql: '"t"."owner_id"', type: 'uuid', nullable: true }
              : name === '$user.id'
                ? { kind: 'value', value: user.id }
                : undefined,
      },
    );
    expect(toPositionalSql(fragment)).toEqual({
      text: '("t"."status" = $1::text AND "t"."owner_id" IS NOT NULL AND "t"."owner_id" = $2::uuid)',
      params: ['open', user.id],
    });
  });

  it('puts a resolved expression in parentheses', () => {
    const fragment = compileJsonLogicToSql(
      { '<': [{ var: 'due' }, '2024-01-01T00:00:00.000Z'] },
      {
        resolveVar: () => ({
          kind: 'column',
          sql: '"t"."at" + interval \'1 day\'',
          type: 'timestamp',
          nullable: false,
        }),
      },
    );
    expect(toPositionalSql(fragment).text).toBe('(("t"."at" + interval \'1 day\') < $1::timestamptz)');
  });
});

describe('errors', () => {
  const cases: [unknown, JsonLogicSqlErrorCode, string][] = [
    [{ and: [true, { '==': [{ var: 'nope' }, 1] }] }, 'UNKNOWN_FIELD', '/and/1/==/0'],
    [{ or: [{ var: 'active' }, { map: [[1], { var: '' }] }] }, 'UNSUPPORTED_OPERATOR', '/or/1'],
    [{ nope: [1] }, 'UNSUPPORTED_OPERATOR', ''],
    [{ and: [{ var: 'active' }, { '==': [{ var: 'amount' }] }] }, 'BAD_ARITY', '/and/1'],
    [{ '!': { '==': [{ var: 'name' }, 1] } }, 'TYPE_MISMATCH', '/!'],
    [{ '+': [{ var: 'amount' }, 1] }, 'UNSUPPORTED_OPERAND', ''],
    [{ '==': [{ var: 'name' }, 'nul\u0000'] }, 'UNSUPPORTED_OPERAND', ''],
    [{ '==': [{ var: 'amount' }, Number.NaN] }, 'INVALID_RULE', '/==/1'],
    [{ '==': [{ var: 'amount' }, () => 1] }, 'INVALID_RULE', '/==/1'],
    // JavaScript would call these keys as methods (String() and `in`) and throw.
    [{ '==': [{ var: 'name' }, { toString: 1, a: 2 }] }, 'INVALID_RULE', '/==/1'],
    [{ in: ['a', { indexOf: 1, x: 2 }] }, 'INVALID_RULE', '/in/1'],
    [{ constructor: [1] }, 'UNSUPPORTED_OPERATOR', ''],
  ];
  it.each(cases)('%j throws %s at %j', (rule, code, path) => {
    const error = refusal(rule);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('JsonLogicSqlError');
    expect([error.code, error.path]).toEqual([code, path]);
  });

  it('refuses rules nested too deep, or whose SQL would explode', () => {
    let deep: unknown = { var: 'active' };
    for (let i = 0; i < 150; i++) deep = { '!': deep };
    expect(refusal(deep).code).toBe('TOO_COMPLEX');
    // Each level null-tests and compares the CASE below it: the SQL grows sixfold per level.
    let wide: unknown = { var: 'active' };
    for (let i = 0; i < 9; i++) wide = { or: [{ '==': [wide, { var: 'active' }] }, { var: 'active' }] };
    expect(refusal(wide).code).toBe('TOO_COMPLEX');
  });
});
