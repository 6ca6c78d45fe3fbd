import type { Database } from '../data/database.js';

type Wake = () => void;

const dispatchers = new WeakMap<Database, Set<Wake>>();

/**
 * Registers a dispatcher's wake-up on `database`: every commit that emitted events calls it
 * (a dispatcher also polls, for other nodes' events and missed wake-ups). Returns the undo.
 *
 * @example
 * const off = onEventsCommitted(database, () => dispatcher.wake());
 */
export function onEventsCommitted(database: Database, wake: Wake): () => void {
  let set = dispatchers.get(database);
  if (set === undefined) {
    set = new Set();
    dispatchers.set(database, set);
  }
  set.add(wake);
  return () => set.delete(wake);
}

/** The commit hook `emit` registers: wakes the dispatchers of the database the events committed on. */
export function wakeEventDispatchers(database: Database): void {
  for (const wake of dispatchers.get(database) ?? []) wake();
}
