import { createHash } from 'node:crypto';
import { en, Faker } from '@faker-js/faker';

/** The environment variable that replays a run: its value is the seed the run printed. */
export const fuzzSeedVariable = 'CODEXION_FUZZ_SEED';

/** The seed of a run unless `CODEXION_FUZZ_SEED` names another: CI runs the same requests every time. */
export const defaultFuzzSeed = 20_261_207;

/**
 * The seed to run with: `CODEXION_FUZZ_SEED` when set (a whole number), else the default.
 *
 * @throws {Error} when the variable is set but not a whole number
 *
 * @example
 * const seed = fuzzSeed(process.env); // 20261207, or the seed a failing run printed
 */
export function fuzzSeed(env: Readonly<Record<string, string | undefined>>): number {
  const text = env[fuzzSeedVariable];
  if (text === undefined || text === '') return defaultFuzzSeed;
  if (!/^\d+$/.test(text)) throw new Error(`${fuzzSeedVariable} must be a whole number, not ${text}`);
  return Number(text);
}

/** Deterministic choices from one seed (faker's Mersenne Twister underneath). */
export interface SeededRandom {
  readonly seed: number;
  /** an integer in `[0, below)` */
  int(below: number): number;
  pick<T>(items: readonly T[]): T;
  /** lower-case hexadecimal digits */
  hex(length: number): string;
  /** an independent stream for `label`: what one operation draws does not shift another's */
  fork(label: string): SeededRandom;
}

/**
 * A seeded source of choices, so a run's requests are the same for the same seed.
 *
 * @example
 * const random = seededRandom(42).fork('createDeal');
 * random.pick(['a', 'b']); // the same letter on every run with seed 42
 */
export function seededRandom(seed: number): SeededRandom {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  return {
    seed,
    int: (below) => (below <= 1 ? 0 : faker.number.int({ min: 0, max: below - 1 })),
    pick(items) {
      const item = items[this.int(items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    hex: (length) => faker.string.hexadecimal({ length, casing: 'lower', prefix: '' }),
    fork: (label) => seededRandom(createHash('sha256').update(`${seed}\0${label}`).digest().readUInt32BE(0)),
  };
}
