import type { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  columnNames,
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
import { JsonLogicSqlError } from './json-logic-sql-error.js';
import { compileJsonLogicToSql } from './json-logic-to-sql.js';

// Cases to run: refused rules use a run without reaching the database, so this sits above the
// 2,000 compared cases the test insists on.
const numRuns = 6000;

/** Printable ASCII, plus strings picked for JavaScript's coercions and for code-unit order. */
const asciiString = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  maxLength: 4,
});
const trickyStrings = [
  '',
  'a',
  'abc',
  'B',
  'open',
  'Open',
  'won',
  'lost',
  '10',
  '5',
  ' 5',
  '0',
  '-3',
  '1e1',
  '0x1A',
  'null',
  'true',
  'x y',
  'vip',
  '2024-01-15',
  // Non-ASCII in records only: literals ordered against text stay below U+D800 or are refused.
  'é',
  'a😀',
  '\uFFFD',
];
const text = fc.oneof(fc.constantFrom(...trickyStrings), asciiString);
const day = fc
  .integer({ min: 0, max: 40 })
  .map((d) => new Date(Date.UTC(2023, 11, 25 + d)).toISOString().slice(0, 10));
const timestamps = [
  '2024-01-15T10:00:00.000Z',
  '2024-01-15T10:00:00.123Z',
  '2024-01-15T09:59:59.999Z',
  '2023-12-31T23:59:59.999Z',
  '2024-02-01T00:00:00.000Z',
];
const uuids = [
  user.id,
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-4fff-bfff-ffffffffffff',
  '3b9a1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
];
const price = fc
  .oneof(fc.constantFrom(0, 0.5, -1.25, 10, 1000, 0.1, 5), fc.double({ min: -100, max: 100, noNaN: true }))
  .map((x) => (Object.is(x, -0) ? 0 : x));
const tags = fc.oneof(
  fc.array(fc.constantFrom('vip', 'new', '10', '', 'a vip'), { maxLength: 3 }),
  fc.array(fc.constantFrom<unknown>('vip', 10, 0, true, null, ['vip']), { maxLength: 3 }),
  fc.constantFrom<unknown>('vip', 'a vip b', '', 0, 10, true, false, {}, { a: 1 }),
);

const storedRecord: fc.Arbitrary<Omit<StoredRecord, 'record'> & { record: Omit<TestRecord, 'id'> }> =
  fc.record({
    record: fc.record({
      name: fc.option(text),
      status: fc.option(fc.constantFrom('open', 'won', 'lost', '', '10', '0')),
      code: text,
      amount: fc.option(fc.oneof(fc.constantFrom(0, 1, 5, 10, -3, 100), fc.integer({ min: -20, max: 20 }))),
      qty: fc.integer({ min: -5, max: 15 }),
      price: fc.option(price),
      active: fc.option(fc.boolean()),
      close_date: fc.option(day),
      created_at: fc.option(fc.constantFrom(...timestamps)),
      owner_id: fc.option(fc.constantFrom(...uuids)),
      tags: fc.option(tags),
    }),
    tagsAsJsonNull: fc.boolean(),
  });
const records = fc
  .array(storedRecord, { minLength: 1, maxLength: 10 })
  .map((rows): StoredRecord[] => rows.map((row, i) => ({ ...row, record: { id: i + 1, ...row.record } })));

const contextNames = ['$user.id', '$user.role', '$user.level', '$user.team', '$user.tags'];
const names = [...columnNames, ...contextNames];
const literal = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>(null, true, false, 0, 1, 3, 5, 10, -3, 0.5, 1000) },
  {
    weight: 5,
    arbitrary: fc.constantFrom<unknown>(
      '',
      '0',
      '1',
      '5',
      '10',
      ' 10 ',
      '1e1',
      '0x0A',
      'abc',
      'a',
      'open',
      'won',
      'vip',
      'B',
      'null',
      'true',
      '2024-01-15',
      '2024-01',
      '2024-01-15T10:00:00.000Z',
      user.id,
      'sales',
      'é',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.oneof(fc.integer({ min: -20, max: 20 }), text, day, fc.constantFrom(...timestamps)),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>([], [10], ['a'], ['open', 'won'], [null], {}) },
);
/** `var` in its three spellings. */
const varOf = (pool: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...pool).map((name) => ({ var: name })) },
    { weight: 1, arbitrary: fc.constantFrom(...pool).map((name) => ({ var: [name] })) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...pool), literal).map(([name, d]) => ({ var: [name, d] })),
    },
  );
const column = varOf(columnNames);
const variable = fc.oneof({ weight: 4, arbitrary: column }, { weight: 1, arbitrary: varOf(contextNames) });
/** Literals that meet each column's values on their own ground, so comparisons are not settled by type alone. */
const literalFor: Record<string, fc.Arbitrary<unknown>> = {
  id: fc.integer({ min: 0, max: 11 }),
  name: text,
  status: fc.constantFrom('open', 'won', 'lost', '', 'o', 'p'),
  code: text,
  amount: fc.oneof(
    fc.integer({ min: -20, max: 20 }),
    fc.constantFrom('5', '10', ' 1 ', '', '0x0A', 0.5, null),
  ),
  qty: fc.oneof(fc.integer({ min: -5, max: 15 }), fc.constantFrom('5', '', 2.5, true, false)),
  price: fc.oneof(price, fc.constantFrom('0.5', '10', 'x', null)),
  active: fc.constantFrom(true, false, 0, 1, '1', '', 'true', null),
  close_date: fc.oneof(day, fc.constantFrom('2024-01', '2024-01-15T00:00:00.000Z', '', '2024-02-30')),
  created_at: fc.oneof(
    fc.constantFrom(...timestamps),
    day,
    fc.constantFrom('2024-01-15T10', '2024-01-15T10:00:00Z'),
  ),
  owner_id: fc.oneof(
    fc.constantFrom(...uuids),
    fc.constantFrom('6F1C2B9E-8A4D-4C3B-9E2F-1A2B3C4D5E6F', '3', 'g'),
  ),
  tags: fc.constantFrom('vip', '', 'a vip b', 10, true, null),
};
const typedComparison = fc
  .constantFrom(...Object.keys(literalFor))
  .chain((name) =>
    fc.tuple(
      fc.constantFrom('==', '!=', '===', '!==', '<', '<=', '>', '>='),
      fc.constantFrom<unknown>({ var: name }, { var: [name, 'd'] }),
      literalFor[name] ?? literal,
      fc.boolean(),
    ),
  );
const comparisonOperator = fc.constantFrom('==', '!=', '===', '!==', '<', '<=', '>', '>=');

const ruleArbitraries = fc.letrec((tie) => {
  const cond = tie('cond');
  const operand = tie('operand');
  const comparison = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(comparisonOperator, column, literal) },
    { weight: 2, arbitrary: fc.tuple(comparisonOperator, literal, column) },
    { weight: 3, arbitrary: fc.tuple(comparisonOperator, operand, operand) },
  );
  const haystack = fc.oneof(
    fc.array(literal, { maxLength: 4 }),
    fc.tuple(variable, literal).map((items) => [...items]),
    literal,
    fc
      .constantFrom(...['name', 'code', 'status', 'tags', 'owner_id', 'amount', '$user.tags', '$user.role'])
      .map((name) => ({ var: name })),
  );
  const someNames = fc.subarray(names, { minLength: 1, maxLength: 3 });
  return {
    operand: fc.oneof(
      { weight: 6, arbitrary: variable },
      { weight: 4, arbitrary: literal },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom('and', 'or'), variable, operand)
          .map(([op, a, b]) => ({ [op]: [a, b] })),
      },
      { weight: 1, arbitrary: fc.tuple(cond, operand, operand).map((args) => ({ if: args })) },
      { weight: 1, arbitrary: cond },
    ),
    cond: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 8, arbitrary: typedComparison.map(([op, a, b, flip]) => ({ [op]: flip ? [b, a] : [a, b] })) },
      {
        weight: 3,
        arbitrary: fc
          .tuple(
            fc.oneof(text, variable, literal),
            fc.constantFrom('name', 'code', 'status', 'tags', 'owner_id'),
          )
          .map(([needle, name]) => ({ in: [needle, { var: name }] })),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(
            column,
            fc.oneof(text, fc.constantFrom('open won', '2024-01-15 and 2024-01-16', 'true', '10 or 5')),
          )
          .map(([needle, haystack]) => ({ in: [needle, haystack] })),
      },
      {
        weight: 3,
        arbitrary: fc
          .constantFrom(...Object.keys(literalFor))
          .chain((name) =>
            fc.tuple(fc.constant({ var: name }), literalFor[name] ?? literal, literalFor[name] ?? literal),
          )
          .map((args) => ({ between: args })),
      },
      {
        weight: 3,
        arbitrary: fc
          .constantFrom(...Object.keys(literalFor))
          .chain((name) =>
            fc.tuple(fc.constant({ var: name }), fc.array(literalFor[name] ?? literal, { maxLength: 4 })),
          )
          .map((args) => ({ in: args })),
      },
      { weight: 8, arbitrary: comparison.map(([op, a, b]) => ({ [op]: [a, b] })) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.constantFrom('<', '<='), operand, operand, operand)
          .map(([op, ...args]) => ({ [op]: args })),
      },
      { weight: 2, arbitrary: fc.tuple(operand, operand, operand).map((args) => ({ between: args })) },
      { weight: 2, arbitrary: fc.tuple(column, literal, literal).map((args) => ({ between: args })) },
      { weight: 4, arbitrary: fc.tuple(fc.oneof(column, operand), haystack).map((args) => ({ in: args })) },
      { weight: 1, arbitrary: someNames.map((keys) => ({ missing: keys })) },
      { weight: 1, arbitrary: fc.constantFrom(...names).map((key) => ({ missing: key })) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.integer({ min: 0, max: 3 }), someNames)
          .map((args) => ({ missing_some: args })),
      },
      { weight: 2, arbitrary: variable },
      { weight: 1, arbitrary: literal },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom('!', '!!'), cond).map(([op, a]) => ({ [op]: a })) },
      {
        weight: 3,
        arbitrary: fc
          .tuple(fc.constantFrom('and', 'or'), fc.array(cond, { minLength: 1, maxLength: 3 }))
          .map(([op, a]) => ({ [op]: a })),
      },
      { weight: 1, arbitrary: fc.tuple(cond, cond, cond).map((args) => ({ if: args })) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(
            fc.constantFrom('if', '?:'),
            fc.array(fc.oneof(cond, operand), { minLength: 1, maxLength: 5 }),
          )
          .map(([op, args]) => ({ [op]: args })),
      },
      {
        weight: 1,
        arbitrary: fc.oneof(
          someNames.map((keys) => ({ missing: [keys] })),
          variable.map((v) => ({ '!!': [[v]] })),
          cond.map((c) => ({ log: c })),
          fc
            .tuple(
              column,
              fc.constantFrom<unknown>({ '+': [4, 6] }, { cat: ['op', 'en'] }, { merge: [['open'], 'won'] }),
            )
            .map(([v, folded]) => ({ in: [v, folded] })),
          fc.tuple(column, fc.integer({ min: 0, max: 10 })).map(([v, n]) => ({ '==': [v, { '*': [n, 1] }] })),
        ),
      },
      // Rules the compiler must refuse, and json-logic-js may even throw on.
      {
        weight: 1,
        arbitrary: fc.constantFrom<unknown>(
          { '+': [{ var: 'amount' }, 1] },
          { nope: [1] },
          { some: [{ var: 'tags' }, true] },
        ),
      },
    ),
  };
});

let db: PGlite;
beforeAll(async () => {
  db = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await db.close();
});

it('selects exactly the records json-logic-js finds truthy', async () => {
  const stats = { compiled: 0, checks: 0, refused: 0, disagreements: 0 };
  let batch = 0;
  try {
    await fc.assert(
      fc.asyncProperty(records, ruleArbitraries.cond, async (rows, rule) => {
        let fragment: ReturnType<typeof compileJsonLogicToSql>;
        try {
          fragment = compileJsonLogicToSql(rule, { resolveVar });
        } catch (error) {
          if (!(error instanceof JsonLogicSqlError)) throw error;
          if (stats.disagreements === 0) stats.refused += 1;
          return;
        }
        batch += 1;
        await insertRecords(db, batch, rows);
        const actual = await selectIds(db, batch, fragment);
        expect(await countUnknown(db, batch, fragment), 'rows where the condition is NULL').toBe(0);
        const expected = expectedIds(rule, rows);
        if (actual.join() !== expected.join()) stats.disagreements += 1;
        expect(actual).toEqual(expected);
        if (stats.disagreements === 0) {
          stats.compiled += 1;
          stats.checks += rows.length;
        }
      }),
      { numRuns },
    );
  } finally {
    console.log(
      `json-logic-sql property: ${stats.compiled} rules compiled and compared over ${stats.checks} record checks, ` +
        `${stats.refused} refused as unsupported, ${stats.disagreements} disagreements`,
    );
  }
  expect(stats.compiled).toBeGreaterThanOrEqual(2000);
}, 120_000);
